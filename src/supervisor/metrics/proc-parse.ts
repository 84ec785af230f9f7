/** The fields of `/proc/<pid>/stat` the samplers use. */
export interface PidStat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  numThreads: number;
  /** Clock ticks after boot; tells a reused pid apart from the process that had it before. */
  startTime: number;
  rssPages: number;
}

/** Parses `/proc/<pid>/stat`; undefined when the text is not a stat line. */
export function parsePidStat(text: string): PidStat | undefined {
  // comm may hold spaces and ')' itself, so the fixed fields start after the last ')'.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  // fields[0] is field 3 (state) of proc(5), so field n is fields[n - 3].
  const fields = text.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const numThreads = Number(fields[17]);
  const startTime = Number(fields[19]);
  const rssPages = Number(fields[21]);
  if (![ppid, utime, stime, numThreads, startTime, rssPages].every(Number.isFinite)) return undefined;
  if (fields.length < 22) return undefined;
  return { ppid, cpuTicks: utime + stime, numThreads, startTime, rssPages };
}

/** Parses a `/proc/<pid>/task/<tid>/children` list ("12 34 "). */
export function parseChildren(text: string): number[] {
  const pids: number[] = [];
  for (const word of text.split(' ')) {
    const pid = Number(word);
    if (word !== '' && Number.isInteger(pid) && pid > 0) pids.push(pid);
  }
  return pids;
}

/** Aggregate CPU time of the host from `/proc/stat`, in clock ticks. */
export interface HostCpuTimes {
  total: number;
  idle: number;
  cpus: number;
}

/** Parses the `cpu` and `cpuN` lines of `/proc/stat`. */
export function parseHostCpu(text: string): HostCpuTimes {
  let total = 0;
  let idle = 0;
  let cpus = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('cpu')) continue;
    if (line.startsWith('cpu ')) {
      // user nice system idle iowait irq softirq steal; guest time is already inside user/nice.
      const v = line.slice(4).trim().split(/\s+/).slice(0, 8).map(Number);
      total = v.reduce((sum, x) => sum + (Number.isFinite(x) ? x : 0), 0);
      idle = (v[3] ?? 0) + (v[4] ?? 0);
    } else {
      cpus++;
    }
  }
  return { total, idle, cpus };
}

/** Memory figures from `/proc/meminfo`, in bytes. */
export interface MemInfo {
  memTotal: number;
  memAvailable: number;
}

/** Parses `/proc/meminfo` (values are in kB). */
export function parseMeminfo(text: string): MemInfo {
  const kb = (key: string): number | undefined => {
    const match = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text);
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  };
  const memTotal = kb('MemTotal') ?? 0;
  // Kernels before 3.14 lack MemAvailable; free + cache is the usual approximation.
  const memAvailable = kb('MemAvailable') ?? (kb('MemFree') ?? 0) + (kb('Buffers') ?? 0) + (kb('Cached') ?? 0);
  return { memTotal, memAvailable };
}
