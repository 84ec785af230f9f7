import { parseChildren } from './proc-parse.js';
import { readProcDir, readProcFile } from './read-proc-file.js';

/** Finds the direct children of a process from `/proc/<pid>/task/<tid>/children`. */
export interface ChildrenReader {
  /** Direct children of `pid`; `numThreads` comes from its stat, `tick` counts sample rounds. */
  childrenOf(pid: number, numThreads: number, tick: number): number[];
  /** Drops what is remembered about pids not in `alive`. */
  forgetExcept(alive: ReadonlySet<number>): void;
}

/**
 * The kernel lists a child under the thread that forked it, and JVM or Go programs fork from
 * threads other than the main one. Reading every thread's file each second would cost ~7x for a
 * Node process, so the main thread is read every round and the other threads every
 * `threadScanEvery` rounds (staggered by pid), with their children remembered in between; the
 * caller checks each remembered child's ppid, so an exited or reused pid is never counted.
 */
export function createChildrenReader(procRoot: string, threadScanEvery: number): ChildrenReader {
  const fromOtherThreads = new Map<number, number[]>();

  const scanOtherThreads = (pid: number): number[] => {
    const found: number[] = [];
    for (const tid of readProcDir(`${procRoot}/${pid}/task`)) {
      if (tid === String(pid)) continue;
      const text = readProcFile(`${procRoot}/${pid}/task/${tid}/children`);
      if (text !== undefined) found.push(...parseChildren(text));
    }
    return found;
  };

  return {
    childrenOf(pid, numThreads, tick) {
      const text = readProcFile(`${procRoot}/${pid}/task/${pid}/children`);
      const children = text === undefined ? [] : parseChildren(text);
      if (numThreads <= 1) {
        fromOtherThreads.delete(pid);
        return children;
      }
      let others = fromOtherThreads.get(pid);
      if (others === undefined || (tick + pid) % threadScanEvery === 0) {
        others = scanOtherThreads(pid);
        fromOtherThreads.set(pid, others);
      }
      return others.length === 0 ? children : [...children, ...others];
    },
    forgetExcept(alive) {
      for (const pid of fromOtherThreads.keys()) if (!alive.has(pid)) fromOtherThreads.delete(pid);
    },
  };
}
