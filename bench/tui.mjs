// `pmdaemon monit` in a real 120x40 terminal (tmux) against a real daemon with 200 instances
// (issue #4 §7): CPU following 5,000 log lines/s, CPU and terminal bytes when nothing changes,
// keypress latency, RSS, first frame; `pm2 monit` with 20 instances as a reference.
//   npm run build && node bench/tui.mjs [--no-pm2] [--production]
// --production runs monit with NODE_ENV=production (a what-if: monit itself does not set it).
// Always exits 0 once measured: the table says PASS or FAIL. Exit 1 only when it could not measure.
import fs from 'node:fs';
import os from 'node:os';
import { createCluster, PMDAEMON_BIN } from './tui/cluster.mjs';
import { measureFirstFrames, measureKeyLatency, measureScreenWindow, openMonit } from './tui/measure.mjs';
import { COLS, ROWS } from './tui/monit.mjs';
import { measurePm2Monit } from './tui/pm2-monit.mjs';
import { statusBytes } from './lib/proc-stat.mjs';
import { loadAverage, msPastNextMinute, waitForQuietHost, waitForWholeMinute } from './tui/quiet-host.mjs';
import { buildRows, formatTable, quantile } from './tui/table.mjs';
import { createTmuxServer } from './tui/tmux-server.mjs';
import { delay, median } from './vs-pm2/proc.mjs';

const APPS = 4;
const PER_APP = 50;
const LINES_PER_SEC = 25;
const WINDOW_MS = 20_000;
const FIRST_FRAME_REPS = 5;
const KEY_PRESSES = 40;
const MONIT_ENV = process.argv.includes('--production') ? { NODE_ENV: 'production' } : {};

if (!fs.existsSync(PMDAEMON_BIN)) {
  console.error(`${PMDAEMON_BIN} is missing: run "npm run build" first`);
  process.exit(1);
}
const began = Date.now();
const step = (text) => process.stderr.write(`[${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);
const server = createTmuxServer('tui');
const cluster = createCluster({ apps: APPS, perApp: PER_APP, linesPerSec: LINES_PER_SEC });
let cleaned;
const cleanup = () =>
  (cleaned ??= (async () => {
    server.kill();
    for (const problem of await cluster.teardown()) console.error(`tui cleanup: ${problem}`);
  })());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`tui: ${signal}: closing monit, the daemon and every instance`);
    void cleanup().finally(() => process.exit(130));
  });
}

const r = {};
try {
  step(`starting ${APPS * PER_APP} instances (${APPS} apps x ${PER_APP}), quiet`);
  await cluster.start();
  r.quietRate = await cluster.logRate(2000);

  step('idle: waiting for the host to settle after the starts (1-minute load < 0.2, at most 5 min)');
  r.quiet = await waitForQuietHost({ onWait: (load) => step(`  load ${load.join(' ')}`) });
  step(`idle: monit on the grid, 5 s settle, then a 20 s window inside one wall-clock minute`);
  const idle = await openMonit(server, 'idle', cluster.home, { settleMs: 5000, env: MONIT_ENV });
  r.minuteWaitMs = await waitForWholeMinute(WINDOW_MS + 1500);
  r.loadBefore = loadAverage();
  r.idle = await measureScreenWindow(server, 'idle', [idle.pid], WINDOW_MS, server.dir);
  r.loadAfter = loadAverage();
  r.idleRss = statusBytes(idle.pid, 'VmRSS');
  step('idle: across the next minute boundary, where every uptime advances');
  r.minuteTick = await measureScreenWindow(server, 'idle', [idle.pid], msPastNextMinute(3000), server.dir);
  // After the windows: the presses' own CPU shows in the header's host figure, a change the idle window must not see.
  step(`idle: ${KEY_PRESSES} presses of j/k`);
  r.idleKeys = await measureKeyLatency(server, 'idle', KEY_PRESSES);
  await idle.stop();

  step(`logging: every instance prints ${LINES_PER_SEC} lines/s`);
  cluster.toggle();
  r.logRate = await cluster.logRate(3000);

  step(`first frame x ${FIRST_FRAME_REPS}`);
  r.first = await measureFirstFrames(server, cluster.home, FIRST_FRAME_REPS, MONIT_ENV);

  step('following: j (select a-0), l (focus its log pane), 3 s settle, then a 20 s window');
  const follow = await openMonit(server, 'follow', cluster.home, { keys: ['j', 'l'], settleMs: 3000, env: MONIT_ENV });
  const screen = await server.capture('follow');
  if (!/FOLLOW/.test(screen) || !/^l logs {2}\/ search/m.test(screen)) throw new Error(`the log pane is not focused and following:\n${screen}`);
  r.follow = await measureScreenWindow(server, 'follow', [follow.pid, cluster.daemonPid], WINDOW_MS, server.dir);
  r.rss = statusBytes(follow.pid, 'VmRSS');
  r.hwm = statusBytes(follow.pid, 'VmHWM');

  step(`keypress latency: Esc back to the grid, ${KEY_PRESSES} presses of j/k while the logs flow`);
  await server.sendKeys('follow', 'Escape');
  await delay(500);
  r.keys = await measureKeyLatency(server, 'follow', KEY_PRESSES);
  await follow.stop();
} catch (error) {
  console.error(`tui: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  step('cleaning up: monit, daemon, instances');
  await cleanup();
}

if (process.exitCode !== 1 && !process.argv.includes('--no-pm2')) {
  const pm2Server = createTmuxServer('tui-pm2');
  try {
    step('reference: pm2 monit with 20 printing instances');
    r.pm2 = await measurePm2Monit(pm2Server, { instances: 20, linesPerSec: LINES_PER_SEC, ms: WINDOW_MS });
  } catch (error) {
    console.error(`tui: pm2 monit reference not measured: ${error.message}`);
  } finally {
    pm2Server.kill();
  }
}

if (process.exitCode !== 1) {
  const seconds = ((Date.now() - began) / 1000).toFixed(0);
  console.log(`pmdaemon monit at ${COLS}x${ROWS} (tmux) — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${seconds} s\n`);
  for (const line of formatTable(buildRows(r))) console.log(line);
  const topChanges = summariseChanges(r.idle.changes);
  console.log(`
how each figure was measured:
  setup         one daemon (temp PMDAEMON_HOME), ${APPS} apps x ${PER_APP} instances of bench/tui/printer.mjs; monit runs as
                "env -u CI PMDAEMON_HOME=… TERM=xterm-256color LANG=C.UTF-8 dist/bin/pmdaemon.cjs monit" (the bin) in tmux ${COLS}x${ROWS}
                (${MONIT_ENV.NODE_ENV ? 'with NODE_ENV=production' : 'no NODE_ENV'}); printers write the lines due every 200 ms in one write;
                log rate from the growth of logs/*-out.log (81-byte lines): idle ${r.quietRate.toFixed(0)} lines/s, logging ${r.logRate.toFixed(0)} lines/s
  1 CPU follow  utime+stime of monit from /proc/<pid>/stat over ${(r.follow.seconds).toFixed(1)} s, after j (a-0), l (log pane focus,
                FOLLOW shown) and 3 s settle; meanwhile: daemon ${r.follow.cpu.percent[1].toFixed(1)} %, whole machine ${r.follow.cpu.hostPercent.toFixed(0)} % busy
                (of ${os.cpus().length} CPUs), monit wrote ${kb(r.follow.bytesPerSecond)}/s to its terminal in ${(r.follow.writes / r.follow.seconds).toFixed(1)} frames/s
  2 CPU idle    same, printers quiet (never printed), monit on the grid, 5 s or more after its first full frame, before any key press;
                whole machine ${r.idle.cpu.hostPercent.toFixed(0)} % busy
  3 bytes idle  tmux pipe-pane -O of monit's pane over the same ${(r.idle.seconds).toFixed(1)} s: ${Math.round(r.idle.bytesPerSecond)} B/s, ${(r.idle.writes / r.idle.seconds).toFixed(1)} frames/s
                (frame = one ESC[?2026h); screen lines that changed between captures 1 s apart: ${r.idle.changes.length}
${topChanges.map((line) => `                  ${line}`).join('\n')}
                host: ${r.quiet.settled ? 'settled' : 'NOT settled'} after ${(r.quiet.waitedMs / 1000).toFixed(0)} s (1-minute load < 0.2); load ${r.loadBefore.join(' ')} at the start of the window, ${r.loadAfter.join(' ')} at its end;
                the window lies inside one wall-clock minute (waited ${(r.minuteWaitMs / 1000).toFixed(0)} s for it): uptimes show whole minutes and all
                advance at the minute boundary, which cost ${r.minuteTick.writes} frame(s), ${kb(r.minuteTick.bytesPerSecond * r.minuteTick.seconds)} over the next ${r.minuteTick.seconds.toFixed(0)} s across it
  4 keypress    ${KEY_PRESSES} presses alternating j/k in the grid while the logs flow, 80-200 ms random gaps; each from just before
                "send-keys" to the first "capture-pane" whose selection marker (› in column 0) moved, both through
                one tmux control-mode client (tmux -C); polls 2 ms apart, one capture costs ${r.keys.captureMs.toFixed(1)} ms (the resolution); p50 ${Math.round(quantile(r.keys.times, 0.5))}, p95 ${Math.round(quantile(r.keys.times, 0.95))}, max ${Math.round(Math.max(...r.keys.times))} ms;
                the same on the idle monit (no logs, after its windows): p50 ${Math.round(quantile(r.idleKeys.times, 0.5))}, p95 ${Math.round(quantile(r.idleKeys.times, 0.95))}, max ${Math.round(Math.max(...r.idleKeys.times))} ms
  5 RSS         VmRSS of monit right after the 20 s follow window (VmHWM = peak); idle monit had ${kb(r.idleRss)}
  6 first frame spawn ("tmux new-session") to the first capture (polled every 10 ms) showing "NAME" and an instance row,
                logs flowing; runs ${r.first.first.map((v) => Math.round(v)).join(', ')} ms; the header alone (no data yet) after
                ${Math.round(median(r.first.shell))} ms median${r.pm2 ? `
  ref pm2       pm2 ${r.pm2.version} monit, ${r.pm2.instances} instances of the same printer (${r.pm2.linesPerSecond} lines/s), own PM2_HOME, same tmux size,
                CPU over 20 s after it drew and 3 s settle` : ''}`);
}

function kb(bytes) {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(0)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Which screen rows changed how often between the idle captures, with an example of the most frequent ones. */
function summariseChanges(changes) {
  const byRow = new Map();
  for (const change of changes) byRow.set(change.row, [...(byRow.get(change.row) ?? []), change]);
  const counts = [...byRow].sort((a, b) => a[0] - b[0]).map(([row, list]) => `${row}:${list.length}x`);
  const examples = [...byRow.values()].sort((a, b) => b.length - a.length || a[0].row - b[0].row).slice(0, 3);
  return [`rows (0 = top): ${counts.join(' ') || 'none'}`, ...examples.map((list) => `row ${list[0].row}, e.g. "${list[0].before}" -> "${list[0].after}"`)];
}
