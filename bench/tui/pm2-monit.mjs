// Reference: `pm2 monit` CPU with N printer instances, in the same kind of tmux session, own PM2_HOME.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePm2 } from '../vs-pm2/pm2-install.mjs';
import { runCli } from '../vs-pm2/run-cli.mjs';
import { delay, waitFor } from '../vs-pm2/proc.mjs';
import { teardown } from '../vs-pm2/teardown.mjs';
import { PRINTER } from './cluster.mjs';
import { COLS, ROWS } from './monit.mjs';
import { cpuWindow } from '../lib/proc-stat.mjs';

/** Resolves { version, instances, linesPerSecond, percent } of pm2 monit over `ms`; cleans up PM2 before returning. */
export async function measurePm2Monit(server, { instances = 20, linesPerSec = 25, ms = 20_000, settleMs = 3000 } = {}) {
  const { bin, version } = ensurePm2();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pm2-bench-tui-'));
  const env = { ...process.env, PM2_HOME: home };
  const cli = (...args) => runCli(bin, args, { env, cwd: home, timeoutMs: 60_000 });
  let daemonPid;
  try {
    await cli('ping');
    daemonPid = Number(fs.readFileSync(path.join(home, 'pm2.pid'), 'utf8').trim());
    const file = path.join(home, 'bench.json');
    const app = { name: 'p', script: PRINTER, instances, exec_mode: 'fork', env: { LINES_PER_SEC: String(linesPerSec), PRINT_AT_START: '1' } };
    fs.writeFileSync(file, JSON.stringify({ apps: [app] }));
    await cli('start', file);
    await waitFor(async () => {
      const json = (await cli('jlist')).stdout.trim().split('\n').pop() ?? '[]';
      const procs = JSON.parse(json);
      return procs.length === instances && procs.every((p) => p.pm2_env?.status === 'online');
    }, 60_000, `${instances} PM2 instances online`, 250);
    const pid = server.start('pm2', [process.execPath, bin, 'monit'], { cols: COLS, rows: ROWS, env: { PM2_HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8' } });
    await waitFor(async () => / Logs /.test(await server.capture('pm2')), 20_000, 'pm2 monit to draw');
    await delay(settleMs);
    const window = cpuWindow([pid]);
    await delay(ms);
    const percent = window.stop().percent[0];
    server.close('pm2');
    return { version, instances, linesPerSecond: instances * linesPerSec, percent };
  } finally {
    server.close('pm2');
    for (const problem of await teardown({ kill: () => cli('kill'), daemonPid, envEntry: `PM2_HOME=${home}`, home })) console.error(`pm2 cleanup: ${problem}`);
  }
}
