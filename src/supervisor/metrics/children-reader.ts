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
 * Node process, and even the main thread's file is half the syscalls of an idle sample, so
 * threads are read every `scanEvery` rounds (staggered by pid, and at once for a new pid), with
 * their children remembered in between; the caller checks each remembered child's ppid, so an
 * exited or reused pid is never counted. A new grandchild is seen within `scanEvery` rounds.
 */
export function createChildrenReader(procRoot: string, scanEvery: number): ChildrenReader {
  const fromMainThread = new Map<number, number[]>();
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
      const due = (tick + pid) % scanEvery === 0;
      let children = fromMainThread.get(pid);
      if (children === undefined || due) {
        const text = readProcFile(`${procRoot}/${pid}/task/${pid}/children`);
        children = text === undefined ? [] : parseChildren(text);
        fromMainThread.set(pid, children);
      }
      if (numThreads <= 1) {
        fromOtherThreads.delete(pid);
        return children;
      }
      let others = fromOtherThreads.get(pid);
      if (others === undefined || due) {
        others = scanOtherThreads(pid);
        fromOtherThreads.set(pid, others);
      }
      return others.length === 0 ? children : [...children, ...others];
    },
    forgetExcept(alive) {
      for (const pid of fromMainThread.keys()) if (!alive.has(pid)) fromMainThread.delete(pid);
      for (const pid of fromOtherThreads.keys()) if (!alive.has(pid)) fromOtherThreads.delete(pid);
    },
  };
}
