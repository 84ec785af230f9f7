import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The daemon's entry point, next to this module in dist/. */
export const DEFAULT_DAEMON_SCRIPT = fileURLToPath(new URL('../bin/pmdaemon-daemon.js', import.meta.url));

export interface SpawnDaemonOptions {
  home: string;
  logFile: string;
  env: NodeJS.ProcessEnv;
  script?: string;
}

/**
 * Starts a daemon for `home` that outlives the caller and its terminal: a shell in a new session
 * starts it in the background and exits, so the daemon is re-parented away from the caller and
 * owns no terminal. Its stdout/stderr append to daemon.log. Resolves once the shell has exited.
 */
export function spawnDaemon(options: SpawnDaemonOptions): Promise<void> {
  const log = fs.openSync(options.logFile, 'a', 0o600);
  try {
    const child = spawn('/bin/sh', ['-c', '"$0" "$1" </dev/null &', process.execPath, options.script ?? DEFAULT_DAEMON_SCRIPT], {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...options.env, PMDAEMON_HOME: options.home },
      // The daemon must not keep whatever directory the CLI ran in busy.
      cwd: '/',
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', () => resolve());
    });
  } finally {
    fs.closeSync(log);
  }
}
