import os from 'node:os';
import { monotonicMs } from '../../lib/clock.js';
import { parseHostCpu, parseMeminfo, type HostCpuTimes } from './proc-parse.js';
import { readProcFile } from './read-proc-file.js';

/** CPU, memory and load of the whole machine. */
export interface HostMetrics {
  /** Percent busy over all cores (0-100) over the last 10 s (HOST_CPU_WINDOW_MS), or since the previous sample if longer ago. */
  cpu: number;
  cpus: number;
  memTotal: number;
  /** Bytes in use: MemTotal - MemAvailable. */
  memUsed: number;
  load: [number, number, number];
}

/**
 * Host CPU is averaged over this long: one-second figures of a quiet host swing by 5+ points whenever
 * anything wakes up (monit's own start included), and the TUI header would redraw for each swing.
 */
export const HOST_CPU_WINDOW_MS = 10_000;

/** Samples the host; each call reports CPU use over the last HOST_CPU_WINDOW_MS. */
export interface HostSampler {
  sample(): HostMetrics;
}

export interface HostSamplerOptions {
  procRoot?: string;
  loadavg?: () => number[];
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
  windowMs?: number;
}

/**
 * Creates a host sampler reading /proc/stat and /proc/meminfo. The first sample reports the
 * average since boot, as there is no earlier reading to compare with; later ones the average since
 * the oldest reading of the last windowMs (the previous one when that is older).
 */
export function createHostSampler(opts: HostSamplerOptions = {}): HostSampler {
  const procRoot = opts.procRoot ?? '/proc';
  const loadavg = opts.loadavg ?? (() => os.loadavg());
  const now = opts.now ?? monotonicMs;
  const windowMs = opts.windowMs ?? HOST_CPU_WINDOW_MS;
  // Readings of the last windowMs, oldest first; the oldest is what the next sample compares with.
  let readings: Array<{ at: number; times: HostCpuTimes }> = [];

  return {
    sample() {
      const at = now();
      const times = parseHostCpu(readProcFile(`${procRoot}/stat`) ?? '');
      const base = readings[0]?.times ?? { total: 0, idle: 0, cpus: 0 };
      const total = times.total - base.total;
      const busy = total - (times.idle - base.idle);
      readings = [...readings.filter((r) => r.at > at - windowMs), { at, times }];
      const mem = parseMeminfo(readProcFile(`${procRoot}/meminfo`) ?? '');
      const [one = 0, five = 0, fifteen = 0] = loadavg();
      return {
        cpu: total > 0 ? clamp((busy / total) * 100, 0, 100) : 0,
        cpus: times.cpus,
        memTotal: mem.memTotal,
        memUsed: Math.max(0, mem.memTotal - mem.memAvailable),
        load: [one, five, fifteen],
      };
    },
  };
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
