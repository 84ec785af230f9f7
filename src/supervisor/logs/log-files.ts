import nodePath from 'node:path';
import { openRotatingFile, type RotatingFile, type RotationOptions } from './rotating-file.js';

/** Open log files shared by every writer of the same path (merge_logs: all instances of an app). */
export interface LogFiles {
  /** The open file at `path`, opened on first acquire; options of later acquirers are ignored. */
  acquire(path: string, options: RotationOptions): RotatingFile;
  /** Drop one reference to `path`; the last release closes the file. Unknown paths are ignored. */
  release(path: string): void;
  /** Close every file, whatever its references (supervisor shutdown). */
  closeAll(): void;
  /** Paths currently open, with their reference counts. */
  openFiles(): ReadonlyMap<string, number>;
}

/** A registry of refcounted log files. */
export function createLogFiles(open = openRotatingFile): LogFiles {
  const entries = new Map<string, { file: RotatingFile; refs: number }>();

  return {
    acquire(path, options) {
      const key = nodePath.resolve(path);
      const entry = entries.get(key);
      if (entry !== undefined) {
        entry.refs += 1;
        return entry.file;
      }
      const file = open(key, options);
      entries.set(key, { file, refs: 1 });
      return file;
    },
    release(path) {
      const key = nodePath.resolve(path);
      const entry = entries.get(key);
      if (entry === undefined) return;
      entry.refs -= 1;
      if (entry.refs > 0) return;
      entries.delete(key);
      entry.file.close();
    },
    closeAll() {
      const files = [...entries.values()].map((entry) => entry.file);
      entries.clear();
      let firstError: unknown;
      for (const file of files) {
        try {
          file.close();
        } catch (error) {
          firstError ??= error; // Keep closing the others; report the first failure.
        }
      }
      if (firstError !== undefined) throw firstError;
    },
    openFiles() {
      return new Map([...entries].map(([key, entry]) => [key, entry.refs]));
    },
  };
}
