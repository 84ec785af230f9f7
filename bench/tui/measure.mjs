// The figures of the TUI benchmark, each measured on a running monit in a tmux session.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { delay, median } from '../vs-pm2/proc.mjs';
import { startMonit, stopMonit } from './monit.mjs';
import { cpuWindow } from '../lib/proc-stat.mjs';
import { changedLines, selectedRow } from './screen.mjs';

/** `reps` fresh starts of monit: first-frame times (ms) and the shell-only times, each monit closed before the next. */
export async function measureFirstFrames(server, home, reps, env = {}) {
  const first = [];
  const shell = [];
  for (let i = 0; i < reps; i++) {
    const name = `first${i}`;
    const { pid, firstFrameMs, shellMs } = await startMonit(server, name, home, { env });
    first.push(firstFrameMs);
    shell.push(shellMs ?? firstFrameMs);
    await stopMonit(server, name, pid);
  }
  return { first, shell };
}

/** % of a core used by each pid over `ms`, from utime+stime in /proc/<pid>/stat. */
export async function measureCpu(pids, ms) {
  const window = cpuWindow(pids);
  await delay(ms);
  return window.stop();
}

/**
 * Bytes the program writes to its terminal over `ms` (tmux pipe-pane), with CPU of `pids` over the
 * same window and the screen lines that changed between captures taken every second.
 */
export async function measureScreenWindow(server, name, pids, ms, dir) {
  const file = path.join(dir, `${name}-pty.bin`);
  fs.writeFileSync(file, '');
  server.pipeTo(name, file);
  await delay(300);
  const window = cpuWindow(pids);
  const size0 = fs.statSync(file).size;
  const t0 = performance.now();
  let previous = await server.capture(name);
  const changes = [];
  while (performance.now() - t0 < ms) {
    await delay(Math.min(1000, ms - (performance.now() - t0)));
    const screen = await server.capture(name);
    changes.push(...changedLines(previous, screen));
    previous = screen;
  }
  const bytes = fs.statSync(file).size - size0;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = window.stop();
  server.stopPipe(name);
  const written = fs.readFileSync(file, 'latin1').slice(size0);
  return { bytesPerSecond: bytes / seconds, writes: countFrames(written), seconds, cpu, changes };
}

/** Ink 6 wraps every frame in synchronized output (`ESC[?2026h` … `ESC[?2026l`): count the openings. */
function countFrames(text) {
  return text.split('\x1b[?2026h').length - 1;
}

/**
 * Alternating `j`/`k` presses; each timed from just before `tmux send-keys` to the first capture
 * whose selection marker moved. Resolves { times, captureMs } (captureMs: median cost of one poll).
 */
export async function measureKeyLatency(server, name, presses) {
  const times = [];
  const polls = [];
  for (let i = 0; i < presses; i++) {
    const screen = await server.capture(name);
    const before = selectedRow(screen);
    if (before < 0) throw new Error(`no selection marker on the screen:\n${screen}`);
    const t0 = performance.now();
    await server.sendKeys(name, i % 2 === 0 ? 'j' : 'k');
    for (;;) {
      const p0 = performance.now();
      const row = selectedRow(await server.capture(name));
      polls.push(performance.now() - p0);
      if (row !== before && row >= 0) break;
      if (performance.now() - t0 > 5000) throw new Error(`the selection did not move within 5 s of press ${i + 1}`);
      await delay(2);
    }
    times.push(performance.now() - t0);
    // A random gap, so presses land at every phase of the UI's 250 ms tick.
    await delay(80 + Math.random() * 120);
  }
  return { times, captureMs: median(polls) };
}

/** Starts monit, waits for its grid, runs `keys` (one tmux send-keys each, 300 ms apart), lets it settle. */
export async function openMonit(server, name, home, { keys = [], settleMs = 3000, env, nodeArgs } = {}) {
  const started = await startMonit(server, name, home, { env, nodeArgs });
  for (const key of keys) {
    await delay(300);
    await server.sendKeys(name, key);
  }
  await delay(settleMs);
  return { ...started, stop: () => stopMonit(server, name, started.pid) };
}
