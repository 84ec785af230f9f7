import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temp dir per test, removed by `cleanup`. */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
}

/** Spawns `node -e code` children and kills any still running on `killAll`. */
export function nodeChildren(): {
  spawn(code: string, args?: string[]): ChildProcess;
  killAll(): void;
} {
  const started: ChildProcess[] = [];
  return {
    spawn(code, args = []) {
      const child = spawn(process.execPath, ['-e', code, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      started.push(child);
      closings.set(child, once(child, 'close').then(([code]) => code as number | null));
      return child;
    },
    killAll() {
      for (const child of started) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      started.length = 0;
    },
  };
}

const closings = new WeakMap<ChildProcess, Promise<number | null>>();

/** Resolves with the exit code once the child has exited and its stdio has closed (all data delivered). */
export function closed(child: ChildProcess): Promise<number | null> {
  const closing = closings.get(child);
  if (closing === undefined) throw new Error('closed() needs a child started by nodeChildren()');
  return closing;
}

/** Sizes of `file` and its rotated siblings `file.N`, keyed by file name. */
export function rotationSizes(file: string): Map<string, number> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const sizes = new Map<string, number>();
  for (const name of fs.readdirSync(dir)) {
    if (name === base || name.startsWith(`${base}.`)) sizes.set(name, fs.statSync(path.join(dir, name)).size);
  }
  return sizes;
}

/** A child program writing `total` bytes of `byte` to stdout in 64 KiB writes, honouring 'drain'. */
export const FLOOD_CHILD = `
const total = Number(process.argv[1]);
const chunk = Buffer.alloc(65536, process.argv[2] ?? 'x');
chunk[chunk.length - 1] = 10;
let sent = 0;
function pump() {
  while (sent < total) {
    const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
    sent += piece.length;
    if (!process.stdout.write(piece)) return process.stdout.once('drain', pump);
  }
}
pump();
`;
