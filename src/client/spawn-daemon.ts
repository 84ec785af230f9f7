import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAVED_EXTRA_CA_CERTS } from '../lib/saved-env.js';
import { DaemonStartError } from './errors.js';

/** The daemon as the build ships it: one CommonJS file made by scripts/bundle-daemon.mjs, next to this module in dist/. */
export const DAEMON_BUNDLE = fileURLToPath(new URL('../bin/pmdaemon-daemon.cjs', import.meta.url));

/** Node flags the bundle runs with; figures from `REPS=5 INSTANCES=100 node bench/vs-pm2/daemon-rss-probe.mjs`. */
export const DAEMON_NODE_FLAGS: readonly string[] = [
  // No JIT (implies --jitless, --optimize-for-size, --max-semi-space-size=1): RSS with 100 instances 45.6 MB, not 52.6; log ingest 557 MiB/s, not 710.
  '--lite-mode',
  // Lite mode turns WebAssembly off anyway; asking for it keeps V8's "disabling flag --expose_wasm" warning out of daemon.log.
  '--no-expose-wasm',
];

export interface SpawnDaemonOptions {
  home: string;
  logFile: string;
  env: NodeJS.ProcessEnv;
  /** Another entry point (tests, tools), run as plain `node <script>`: the flags were measured for the bundle only. */
  script?: string;
}

/**
 * Starts a daemon for `home` that outlives the caller and its terminal: a shell in a new session
 * starts it in the background and exits, so the daemon is re-parented away from the caller and
 * owns no terminal. Its stdout/stderr append to daemon.log. Resolves once the shell has exited.
 */
export async function spawnDaemon(options: SpawnDaemonOptions): Promise<void> {
  const argv = options.script === undefined ? [...DAEMON_NODE_FLAGS, DAEMON_BUNDLE] : [options.script];
  const script = argv[argv.length - 1]!;
  // Without this, a half-built dist/ only shows up as a start timeout naming daemon.log.
  if (!fs.existsSync(script)) throw new DaemonStartError(`cannot start the pmdaemon daemon: ${script} is missing (an incomplete build? run "npm run build")`);
  const log = fs.openSync(options.logFile, 'a', 0o600);
  let child;
  try {
    child = spawn('/bin/sh', ['-c', '"$0" "$@" </dev/null &', process.execPath, ...argv], {
      detached: true,
      stdio: ['ignore', log, log],
      env: daemonEnv(options.env, options.home),
      // The daemon must not keep whatever directory the CLI ran in busy.
      cwd: '/',
    });
  } finally {
    fs.closeSync(log);
  }
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
}

/**
 * The environment the daemon is exec'd with. NODE_EXTRA_CA_CERTS goes under SAVED_EXTRA_CA_CERTS:
 * with it set, node builds its whole root certificate store before any JS (~1.8 MB of idle RSS,
 * ~60 ms) for a daemon whose https health checks verify no certificate; the daemon's entry puts
 * it back (restoreSavedEnv) for its apps, health scripts and reload commands.
 */
export function daemonEnv(env: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env, PMDAEMON_HOME: home };
  // Like launcher.sh, never over a saved value that is set: then both are the user's own.
  if (result.NODE_EXTRA_CA_CERTS !== undefined && result[SAVED_EXTRA_CA_CERTS] === undefined) {
    result[SAVED_EXTRA_CA_CERTS] = result.NODE_EXTRA_CA_CERTS;
    delete result.NODE_EXTRA_CA_CERTS;
  }
  return result;
}
