// Process facts from /proc, and waiting on a condition with a deadline.
import fs from 'node:fs';

/** Resident set size of `pid` in bytes (VmRSS), or undefined when the process is gone. */
export function rssBytes(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** True while `pid` exists and is not a zombie. */
export function isAlive(pid) {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** The command line of `pid` joined by spaces, or '' when it is gone. */
export function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the first truthy value of `check()` (sync or async); rejects after `timeoutMs`. */
export async function waitFor(check, timeoutMs, what, intervalMs = 20) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(intervalMs);
  }
}

/** Median RSS of `pid` over `samples` reads `gapMs` apart, so one GC moment does not decide the figure. */
export async function steadyRss(pid, samples = 5, gapMs = 200) {
  const reads = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await delay(gapMs);
    const rss = rssBytes(pid);
    if (rss === undefined) throw new Error(`process ${pid} vanished while its RSS was read`);
    reads.push(rss);
  }
  return median(reads);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Pids whose environment holds exactly `entry` (e.g. `PM2_HOME=/tmp/x`): the processes of one bench home. */
export function pidsWithEnv(entry) {
  const pids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(entry)) pids.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}
