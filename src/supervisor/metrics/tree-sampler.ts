import { monotonicMs } from '../../lib/clock.js';
import { createChildrenReader } from './children-reader.js';
import { parsePidStat, type PidStat } from './proc-parse.js';
import { readProcFile } from './read-proc-file.js';
import { readSystemConstants } from './system-constants.js';

/** CPU and memory of one process tree (a root pid and all its descendants). */
export interface TreeSample {
  /** Percent of one core since the previous sample; can exceed 100 on several cores. */
  cpu: number;
  /** Resident set size in bytes, summed over the tree. */
  memory: number;
  /** The root first, then its descendants. */
  pids: number[];
}

/** Samples process trees; keeps each pid's previous CPU time between calls. */
export interface TreeSampler {
  /** One sample of every live root's tree; a root that is not running is absent from the map. */
  sample(rootPids: readonly number[]): Map<number, TreeSample>;
}

export interface TreeSamplerOptions {
  /** Milliseconds clock; defaults to a monotonic one. */
  now?: () => number;
  /** Where procfs is mounted (tests point this at a fake tree). */
  procRoot?: string;
  /** Read the children of non-main threads every this many samples (default 5). */
  threadScanEvery?: number;
}

interface CpuMark {
  ticks: number;
  startTime: number;
  at: number;
  /** Percent of one core computed in this round, reused when trees overlap. */
  cpu: number;
}

/** Creates a sampler that reads /proc synchronously: ~2 small reads per process per sample. */
export function createTreeSampler(opts: TreeSamplerOptions = {}): TreeSampler {
  const now = opts.now ?? monotonicMs;
  const procRoot = opts.procRoot ?? '/proc';
  const { pageSize, clockTicks } = readSystemConstants(procRoot);
  const children = createChildrenReader(procRoot, Math.max(1, opts.threadScanEvery ?? 5));
  let previous = new Map<number, CpuMark>();
  let tick = 0;

  return {
    sample(rootPids) {
      const at = now();
      const stats = new Map<number, PidStat | null>();
      const statOf = (pid: number): PidStat | undefined => {
        let stat = stats.get(pid);
        if (stat === undefined) {
          const text = readProcFile(`${procRoot}/${pid}/stat`);
          stat = (text === undefined ? undefined : parsePidStat(text)) ?? null;
          stats.set(pid, stat);
        }
        return stat ?? undefined;
      };
      const current = new Map<number, CpuMark>();
      const cpuOf = (pid: number, stat: PidStat): number => {
        const known = current.get(pid);
        if (known !== undefined) return known.cpu;
        const before = previous.get(pid);
        const fresh = before === undefined || before.startTime !== stat.startTime || at <= before.at;
        const cpuMs = fresh ? 0 : ((stat.cpuTicks - before.ticks) * 1000) / clockTicks;
        const cpu = fresh ? 0 : Math.max(0, (cpuMs / (at - before.at)) * 100);
        current.set(pid, { ticks: stat.cpuTicks, startTime: stat.startTime, at, cpu });
        return cpu;
      };

      const result = new Map<number, TreeSample>();
      for (const root of rootPids) {
        if (!Number.isInteger(root) || root <= 0 || result.has(root)) continue;
        const rootStat = statOf(root);
        if (rootStat === undefined) continue;
        const sample: TreeSample = { cpu: 0, memory: 0, pids: [] };
        const stack: Array<[number, PidStat]> = [[root, rootStat]];
        // A child can be listed twice: remembered from a thread that exited, then under another.
        const queued = new Set([root]);
        for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
          const [pid, stat] = next;
          sample.pids.push(pid);
          sample.memory += stat.rssPages * pageSize;
          sample.cpu += cpuOf(pid, stat);
          for (const child of children.childrenOf(pid, stat.numThreads, tick)) {
            if (queued.has(child)) continue;
            const childStat = statOf(child);
            // A remembered child may have exited and its pid been reused by a stranger.
            if (childStat === undefined || childStat.ppid !== pid) continue;
            queued.add(child);
            stack.push([child, childStat]);
          }
        }
        result.set(root, sample);
      }

      previous = current;
      children.forgetExcept(new Set(current.keys()));
      tick++;
      return result;
    },
  };
}
