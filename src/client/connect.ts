import fs from 'node:fs';
import type { ServerInfo } from '../api/types.js';
import { packageVersion } from '../cli/commands/version.js';
import { pmdaemonHome } from '../lib/home.js';
import { daemonPaths, type DaemonPaths } from '../protocol/paths.js';
import { createDaemonClient, type DaemonConnection } from './daemon-client.js';
import { DaemonGoneError, DaemonNotRunningError, DaemonStartError, VersionMismatchError } from './errors.js';
import { isNobodyListening, openSocket } from './open-socket.js';
import { RpcClient } from './rpc-client.js';
import { spawnDaemon } from './spawn-daemon.js';

export interface ConnectOptions {
  /** $PMDAEMON_HOME of the daemon; defaults to `env.PMDAEMON_HOME`, else ~/.pmdaemon. */
  home?: string;
  /** Start a daemon when none runs (default true). */
  autoStart?: boolean;
  /** Talk to a daemon of another version (for `update` and `kill`); `server.version` tells which. */
  allowVersionMismatch?: boolean;
  /** The environment the home is read from and a started daemon (so its apps) inherits; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Knobs for tests, not part of the package's API. */
export interface InternalConnectOptions extends ConnectOptions {
  /** The version announced in hello instead of this package's. */
  version?: string;
  /** The daemon entry point to start instead of dist/bin/pmdaemon-daemon.js. */
  daemonScript?: string;
  startTimeoutMs?: number;
}

const POLL_MS = 20;
// A daemon started while the old one was still stopping lost the lock and exited: start another.
const RESPAWN_MS = 1000;
const HELLO_TIMEOUT_MS = 10_000;

/** Connects to the daemon of a home, starting one if needed, and checks it runs this version. */
export function connect(options: ConnectOptions = {}): Promise<DaemonConnection> {
  return openDaemonClient(options);
}

export async function openDaemonClient(options: InternalConnectOptions): Promise<DaemonConnection> {
  const env = options.env ?? process.env;
  const home = pmdaemonHome(options.home === undefined ? env : { ...env, PMDAEMON_HOME: options.home });
  const version = options.version ?? packageVersion();
  const { rpc, server } = await handshake(home, env, version, options);
  if (server.version !== version && !options.allowVersionMismatch) {
    rpc.abort();
    throw new VersionMismatchError(server.version, version);
  }
  return createDaemonClient(rpc, server);
}

/** Says hello to the home's daemon, starting one (again) while none answers, until the deadline. */
async function handshake(home: string, env: NodeJS.ProcessEnv, version: string, options: InternalConnectOptions) {
  const paths = daemonPaths(home);
  const timeoutMs = options.startTimeoutMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  let spawnedAt = -Infinity;
  for (;;) {
    let lastError: unknown;
    try {
      const rpc = new RpcClient(await openSocket(paths.socket), home);
      try {
        return { rpc, server: await hello(rpc, version, paths) };
      } catch (error) {
        rpc.abort();
        // A daemon that died as we connected: a new one is needed.
        if (!(error instanceof DaemonGoneError)) throw error;
        lastError = error;
      }
    } catch (error) {
      if (!isNobodyListening(error) && !(error instanceof DaemonGoneError)) throw error;
      lastError = error;
    }
    if (options.autoStart === false) throw new DaemonNotRunningError(home);
    if (Date.now() > deadline) {
      const message = `the pmdaemon daemon did not start within ${timeoutMs / 1000} s; see ${paths.log}${lastLines(paths.log)}`;
      throw new DaemonStartError(message, { cause: lastError });
    }
    if (Date.now() - spawnedAt >= RESPAWN_MS) {
      spawnedAt = Date.now();
      await spawnDaemon({ home, logFile: paths.log, env, ...(options.daemonScript ? { script: options.daemonScript } : {}) });
    } else {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** The handshake request; a daemon that accepts but never answers is an error, not a hang. */
function hello(rpc: RpcClient, version: string, paths: DaemonPaths): Promise<ServerInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DaemonStartError(`the pmdaemon daemon did not answer within ${HELLO_TIMEOUT_MS / 1000} s; see ${paths.log}`));
    }, HELLO_TIMEOUT_MS);
    rpc.call<ServerInfo>('hello', [{ version }]).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** The end of daemon.log, so the error shows why the daemon did not come up. */
function lastLines(file: string): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd();
    const tail = text.split('\n').slice(-5).join('\n  ');
    return tail ? `:\n  ${tail}` : '';
  } catch {
    return '';
  }
}
