import os from 'node:os';
import { parseHostCpu, parseMeminfo, type HostCpuTimes } from './proc-parse.js';
import { readProcFile } from './read-proc-file.js';

/** CPU, memory and load of the whole machine. */
export interface HostMetrics {
  /** Percent busy over all cores (0-100) since the previous sample. */
  cpu: number;
  cpus: number;
  memTotal: number;
  /** Bytes in use: MemTotal - MemAvailable. */
  memUsed: number;
  load: [number, number, number];
}

/** Samples the host; each call reports CPU use since the previous one. */
export interface HostSampler {
  sample(): HostMetrics;
}

export interface HostSamplerOptions {
  procRoot?: string;
  loadavg?: () => number[];
}

/**
 * Creates a host sampler reading /proc/stat and /proc/meminfo. The first sample reports the
 * average since boot, as there is no earlier reading to compare with.
 */
export function createHostSampler(opts: HostSamplerOptions = {}): HostSampler {
  const procRoot = opts.procRoot ?? '/proc';
  const loadavg = opts.loadavg ?? (() => os.loadavg());
  let previous: HostCpuTimes = { total: 0, idle: 0, cpus: 0 };

  return {
    sample() {
      const times = parseHostCpu(readProcFile(`${procRoot}/stat`) ?? '');
      const total = times.total - previous.total;
      const busy = total - (times.idle - previous.idle);
      previous = times;
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
