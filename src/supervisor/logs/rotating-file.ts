import fs from 'node:fs';
import nodePath from 'node:path';
import { memoForTurn } from '../turn-memo.js';
import { LogFileError, errnoCode } from './log-file-error.js';
import { needsRotation, planRotation, staleRotations } from './rotation-plan.js';

/** How big a log file may grow and how many rotated files to keep. */
export interface RotationOptions {
  /** Rotate before a write would take the file past this size; `Infinity` never rotates. */
  maxBytes: number;
  /** Rotated files kept (`x.log.1` … `x.log.<retain>`); 0 keeps none. */
  retain: number;
}

/** An append-only log file that rotates itself by size. */
export interface RotatingFile {
  readonly path: string;
  /** Bytes in the current (unrotated) file. */
  readonly size: number;
  /** Append the whole chunk to the current file, rotating first if it would pass maxBytes. */
  write(chunk: Buffer): void;
  close(): void;
}

/**
 * Open (creating it and its directories) `path` for appending. Writes are synchronous: the
 * caller's event loop, and through the pipe the child, are throttled by the disk alone and
 * nothing is ever buffered in memory.
 */
export function openRotatingFile(path: string, options: RotationOptions): RotatingFile {
  validate(path, options);
  const { maxBytes, retain } = options;
  pruneStale(path, retain);
  let fd: number | undefined = openForAppend(path);
  let size = fs.fstatSync(fd).size; // We append, so an existing file's bytes count towards maxBytes.
  let closed = false;

  const rotate = (): void => {
    const plan = planRotation(path, retain);
    const old = fd;
    fd = undefined;
    try {
      if (old !== undefined) fs.closeSync(old);
      for (const file of plan.remove) fs.rmSync(file, { force: true });
      for (const [from, to] of plan.renames) renameIfExists(from, to);
    } catch (error) {
      throw new LogFileError('rotate', path, error);
    }
  };

  const current = (): number => {
    if (fd === undefined) {
      // Just rotated, or an earlier rotation failed half-way: (re)open whatever is at `path`.
      fd = openForAppend(path);
      size = fs.fstatSync(fd).size;
    }
    return fd;
  };

  return {
    path,
    get size() {
      return size;
    },
    write(chunk) {
      if (closed) throw new LogFileError('write', path, new Error('the file is closed'));
      let target = current();
      if (needsRotation(size, chunk.length, maxBytes)) {
        rotate();
        target = current();
      }
      size += writeFully(target, chunk, path);
    },
    close() {
      if (closed) return;
      closed = true;
      if (fd === undefined) return;
      const toClose = fd;
      fd = undefined;
      try {
        fs.closeSync(toClose);
      } catch (error) {
        throw new LogFileError('close', path, error);
      }
    },
  };
}

function validate(path: string, { maxBytes, retain }: RotationOptions): void {
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be > 0 for log file ${path}, got ${maxBytes}`);
  if (!Number.isInteger(retain) || retain < 0) {
    throw new RangeError(`retain must be a whole number >= 0 for log file ${path}, got ${retain}`);
  }
}

function openForAppend(path: string): number {
  try {
    return openCreatingDir(path);
  } catch (error) {
    throw new LogFileError('open', path, error);
  }
}

/** Creates the directories only when the open says they are missing: one syscall per file when they exist. */
function openCreatingDir(path: string): number {
  try {
    return fs.openSync(path, 'a', 0o640);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  fs.mkdirSync(nodePath.dirname(path), { recursive: true });
  return fs.openSync(path, 'a', 0o640);
}

/** Returns the bytes written; a failed write may have left part of the chunk in the file. */
function writeFully(fd: number, chunk: Buffer, path: string): number {
  let offset = 0;
  try {
    while (offset < chunk.length) offset += fs.writeSync(fd, chunk, offset, chunk.length - offset);
  } catch (error) {
    throw new LogFileError('write', path, error);
  }
  return offset;
}

function renameIfExists(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

// One readdir for all the files opened in a turn (100 when 50 instances start), not one each.
const listDir = memoForTurn((dir: string): readonly string[] => {
  try {
    return fs.readdirSync(dir);
  } catch {
    return []; // No directory yet, so nothing stale in it.
  }
});

function pruneStale(path: string, retain: number): void {
  const names = listDir(nodePath.dirname(path));
  for (const name of staleRotations(names, nodePath.basename(path), retain)) {
    fs.rmSync(nodePath.join(nodePath.dirname(path), name), { force: true });
  }
}
