// CPU time and memory of one process from /proc.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of `pid` in seconds, or undefined when it is gone. */
export function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** A `/proc/<pid>/status` field in bytes (`VmRSS`, `VmHWM`), or undefined. */
export function statusBytes(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Busy and total jiffies of the whole machine (first line of /proc/stat). */
function hostJiffies() {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  // idle + iowait are not busy.
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

/** Starts a CPU window on `pids`; `stop()` gives each one's % of a core over the wall time between. */
export function cpuWindow(pids) {
  const t0 = performance.now();
  const before = pids.map(cpuSeconds);
  const host = hostJiffies();
  return {
    /** { seconds, percent: per pid, hostPercent: busy share of all CPUs of the machine } */
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const hostNow = hostJiffies();
      return {
        seconds,
        hostPercent: ((hostNow.busy - host.busy) / (hostNow.total - host.total)) * 100,
        percent: pids.map((pid, i) => {
          const after = cpuSeconds(pid);
          return after === undefined || before[i] === undefined ? NaN : ((after - before[i]) / seconds) * 100;
        }),
      };
    },
  };
}
