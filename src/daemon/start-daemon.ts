import net from 'node:net';
import { packageVersion } from '../cli/commands/version.js';
import { pmdaemonHome } from '../lib/home.js';
import { daemonPaths } from '../protocol/paths.js';
import { createDaemonLog, describeError } from './daemon-log.js';
import { acquireDaemonLock, type DaemonLock } from './lock.js';

const LOCK_POLL_MS = 50;
const LOCK_WAIT_MS = 10_000;

/**
 * The daemon process's entry: takes the home's lock first, so the losers of a start race exit 0
 * before loading the supervisor.
 */
export async function startDaemon(env: NodeJS.ProcessEnv): Promise<void> {
  const home = pmdaemonHome(env);
  const paths = daemonPaths(home);
  const log = createDaemonLog(paths.log);
  const lock = await waitForLock(home, paths.socket);
  if (!lock) {
    log('another daemon serves this home; exiting');
    process.exit(0);
  }
  try {
    const { runDaemon } = await import('./daemon-main.js');
    await runDaemon({ home, version: packageVersion(), lock });
  } catch (error) {
    // Holding the lock without serving would wedge every client: exit, so the next one starts afresh.
    log(`could not start: ${describeError(error)}`);
    process.exit(1);
  }
}

/**
 * The lock, or undefined once a live daemon answers on the socket. While the holder is not
 * serving (starting, or stopping after `kill`) this waits for it, so a client need not start
 * another daemon.
 */
async function waitForLock(home: string, socketPath: string): Promise<DaemonLock | undefined> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const lock = await acquireDaemonLock(home);
    if (lock) return lock;
    if (Date.now() > deadline || (await socketAnswers(socketPath))) return undefined;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ path: socketPath });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
