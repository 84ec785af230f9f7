// The measured cluster: a pmdaemon daemon in a temp home running APPS x PER_APP printer instances.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../vs-pm2/run-cli.mjs';
import { waitFor } from '../vs-pm2/proc.mjs';
import { teardown } from '../vs-pm2/teardown.mjs';

export const PMDAEMON_BIN = fileURLToPath(new URL('../../dist/bin/pmdaemon.js', import.meta.url));
/** What a user's `pmdaemon` runs (package.json "bin"): executed directly, sh then node. */
export const SHIPPED_BIN = fileURLToPath(new URL('../../dist/bin/pmdaemon.cjs', import.meta.url));
export const PRINTER = fileURLToPath(new URL('./printer.mjs', import.meta.url));
/** Every printed line is 80 characters plus a newline, so log bytes / 81 = lines. */
export const LINE_BYTES = 81;

/** A daemon with its own PMDAEMON_HOME; `start` brings up the printers quiet (SIGUSR2 toggles them). */
export function createCluster({ apps = 4, perApp = 50, linesPerSec = 25 } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-bench-tui-'));
  const env = { ...process.env, PMDAEMON_HOME: home };
  const cli = (...args) => runCli(PMDAEMON_BIN, args, { env, cwd: home, timeoutMs: 120_000 });
  const names = Array.from({ length: apps }, (_, i) => String.fromCharCode(97 + i));
  let daemonPid;
  let pids = [];

  const cluster = {
    home,
    names,
    get daemonPid() {
      return daemonPid;
    },
    async start() {
      daemonPid = JSON.parse((await cli('ping', '--json')).stdout).pid;
      const file = path.join(home, 'bench.json5');
      const specs = names.map((name) => ({ name, script: PRINTER, instances: perApp, env: { LINES_PER_SEC: String(linesPerSec) } }));
      fs.writeFileSync(file, JSON.stringify({ apps: specs }));
      await cli('start', file);
      const rows = await waitFor(async () => {
        const list = JSON.parse((await cli('list', '--json')).stdout);
        return list.length === apps * perApp && list.every((r) => r.status === 'online' && r.pid) ? list : undefined;
      }, 90_000, `${apps * perApp} printers online`, 250);
      pids = rows.map((r) => r.pid);
      return rows.length;
    },
    /** Toggles printing in every instance. */
    toggle() {
      for (const pid of pids) process.kill(pid, 'SIGUSR2');
    },
    /** Lines per second written to the daemon's log files over `ms` (file growth / 81 bytes). */
    async logRate(ms = 2000) {
      const before = logBytes(home);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, ms));
      return (logBytes(home) - before) / LINE_BYTES / ((performance.now() - t0) / 1000);
    },
    teardown: () => teardown({ kill: () => cli('kill'), daemonPid, envEntry: `PMDAEMON_HOME=${home}`, home }),
  };
  return cluster;
}

function logBytes(home) {
  const dir = path.join(home, 'logs');
  let total = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.endsWith('-out.log')) continue;
    try {
      total += fs.statSync(path.join(dir, name)).size;
    } catch {
      // Rotated away meanwhile.
    }
  }
  return total;
}
