import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FakeProcess {
  pid: number;
  ppid?: number;
  comm?: string;
  ticks?: number;
  rssPages?: number;
  startTime?: number;
  /** Children listed per thread id; the main thread's id is the pid. */
  children?: Record<number, number[]>;
}

/** A throwaway directory laid out like /proc, for exact figures. */
export function fakeProc(): { root: string; put(p: FakeProcess): void; remove(pid: number): void; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  return {
    root,
    put({ pid, ppid = 1, comm = 'app', ticks = 0, rssPages = 0, startTime = 1000, children = {} }) {
      const tids = new Set([pid, ...Object.keys(children).map(Number)]);
      for (const tid of tids) {
        fs.mkdirSync(path.join(root, String(pid), 'task', String(tid)), { recursive: true });
        const list = (children[tid] ?? []).map((c) => `${c} `).join('');
        fs.writeFileSync(path.join(root, String(pid), 'task', String(tid), 'children'), list);
      }
      // utime = ticks, stime = 0; num_threads = number of task dirs.
      const fields = ['S', ppid, pid, pid, 0, -1, 4194560, 0, 0, 0, 0, ticks, 0, 0, 0, 20, 0, tids.size, 0, startTime, 1e6, rssPages];
      fs.writeFileSync(path.join(root, String(pid), 'stat'), `${pid} (${comm}) ${fields.join(' ')} 0 0 0\n`);
    },
    remove(pid) {
      fs.rmSync(path.join(root, String(pid)), { recursive: true, force: true });
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
