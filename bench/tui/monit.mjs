// `pmdaemon monit` in a 120x40 tmux session against the cluster's daemon: start, first frame, stop.
import { performance } from 'node:perf_hooks';
import { delay, isAlive, waitFor } from '../vs-pm2/proc.mjs';
import { PMDAEMON_BIN, SHIPPED_BIN } from './cluster.mjs';
import { showsGrid } from './screen.mjs';

export const COLS = 120;
export const ROWS = 40;

/**
 * Spawns monit as a user's `pmdaemon monit` runs (with `nodeArgs`, node flags such as --cpu-prof: node on the ES-module entry;
 * `env`: extra variables) and polls the screen every `pollMs` until the grid header and an instance row show;
 * resolves { pid, firstFrameMs, shellMs } (shellMs: first screen with the header, data or not).
 */
export async function startMonit(server, name, home, { pollMs = 10, timeoutMs = 30_000, env: extra = {}, nodeArgs = [] } = {}) {
  const env = { PMDAEMON_HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...extra };
  const t0 = performance.now();
  const argv = nodeArgs.length > 0 ? [process.execPath, ...nodeArgs, PMDAEMON_BIN, 'monit'] : [SHIPPED_BIN, 'monit'];
  // The bin's sh launcher ends in exec: the pid is monit's node either way.
  const pid = server.start(name, argv, { env });
  let shellMs;
  for (;;) {
    const screen = await server.capture(name);
    const now = performance.now() - t0;
    if (shellMs === undefined && /^ {2}NAME /m.test(screen)) shellMs = now;
    if (showsGrid(screen)) return { pid, firstFrameMs: now, shellMs };
    if (now > timeoutMs) throw new Error(`monit showed no instance row after ${timeoutMs} ms; the screen:\n${screen}`);
    await delay(pollMs);
  }
}

/** Closes the session (SIGHUP, as a dropped SSH link) and waits for monit to exit; SIGKILL after 5 s. */
export async function stopMonit(server, name, pid) {
  server.close(name);
  try {
    await waitFor(() => !isAlive(pid), 5000, `monit ${pid} to exit`);
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone at the last moment.
    }
  }
}
