// "When nothing changes" (issue #4 §7) needs a quiet host as well as a quiet cluster: the header
// shows the 1-minute load average, which decays for minutes after the burst of 200 starts, and
// uptimes in whole minutes, which advance together at each wall-clock minute.
import fs from 'node:fs';
import { delay } from '../vs-pm2/proc.mjs';

const MINUTE = 60_000;

/** The 1-, 5- and 15-minute load averages. */
export function loadAverage() {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

/**
 * Waits until the 1-minute load is below `below` (the header's load filter is 0.25, so from there a
 * decaying load can no longer move the shown figure), or `deadlineMs` passes. Resolves how long it
 * waited, the load then, and whether it settled.
 */
export async function waitForQuietHost({ below = 0.2, deadlineMs = 300_000, onWait = () => {} } = {}) {
  const t0 = performance.now();
  let lastReport = -Infinity;
  for (;;) {
    const load = loadAverage();
    const waited = performance.now() - t0;
    if (load[0] < below) return { waitedMs: waited, load, settled: true };
    if (waited >= deadlineMs) return { waitedMs: waited, load, settled: false };
    if (waited - lastReport >= 30_000) {
      lastReport = waited;
      onWait(load);
    }
    await delay(1000);
  }
}

/**
 * Waits, if needed, so that a window of `windowMs` starting now lies inside one wall-clock minute,
 * `marginMs` clear of both boundaries. Resolves the ms waited.
 */
export async function waitForWholeMinute(windowMs, marginMs = 2000) {
  const into = Date.now() % MINUTE;
  if (into >= marginMs && into + windowMs + marginMs <= MINUTE) return 0;
  const wait = MINUTE - into + marginMs;
  await delay(wait);
  return wait;
}

/** Ms from now to `marginMs` past the next wall-clock minute. */
export function msPastNextMinute(marginMs) {
  return MINUTE - (Date.now() % MINUTE) + marginMs;
}
