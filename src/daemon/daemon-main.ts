import { createLocalApi } from '../api/local-api.js';
import { daemonPaths } from '../protocol/paths.js';
import { Supervisor } from '../supervisor/supervisor.js';
import { serveConnection } from './connection.js';
import { logUncaughtErrors } from './crash-log.js';
import { createDaemonControl } from './daemon-control.js';
import { createDaemonLog, describeError } from './daemon-log.js';
import type { DaemonLock } from './lock.js';
import { restoreOnStart, startAutoSave } from './persistence/index.js';
import { listenOnSocket } from './server.js';
import { createShutdown, type ShutdownReason } from './shutdown.js';

export interface DaemonOptions {
  home: string;
  version: string;
  /** The home's lock, already taken: this process is its one daemon. */
  lock: DaemonLock;
}

/** Runs the daemon of `home` (design §2): a Supervisor, its API on the socket, until kill or a signal. */
export async function runDaemon({ home, version, lock }: DaemonOptions): Promise<void> {
  const paths = daemonPaths(home);
  const log = createDaemonLog(paths.log);
  logUncaughtErrors(log);
  log(`pmdaemon ${version} daemon starting (node ${process.version}, home ${home})`);

  // Until the socket listens, a stop request is remembered and honoured as soon as it can be.
  let requested: ShutdownReason | undefined;
  let shutdown = async (reason: ShutdownReason): Promise<void> => void (requested ??= reason);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // No terminal owns the daemon; a stray SIGHUP must not stop the apps.
  process.on('SIGHUP', () => log('SIGHUP ignored'));

  const supervisor = new Supervisor({ home, log });
  try {
    await restoreOnStart(supervisor, home);
  } catch (error) {
    // Serving without the old apps beats not serving at all: the cause is in the log.
    log(`could not restore the previous state: ${describeError(error)}`);
  }
  const stopAutoSave = startAutoSave(supervisor, home);
  const api = createLocalApi(supervisor, { home, version });
  const control = createDaemonControl(supervisor, home, () => void shutdown('kill'));
  const server = await listenOnSocket(
    paths.socket,
    (socket) => serveConnection(socket, { api, control, log }),
    (error) => log(`socket server: ${describeError(error)}`),
  );
  shutdown = createShutdown({ home, supervisor, api, server, lock, stopAutoSave, log });
  log(`listening on ${paths.socket}`);
  if (requested) void shutdown(requested);
}
