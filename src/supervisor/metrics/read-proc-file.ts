import fs from 'node:fs';

// One buffer for every read: the samplers are synchronous, so it is never shared between reads.
let buffer = Buffer.allocUnsafe(16 * 1024);

/**
 * Reads a small /proc file synchronously, or returns undefined when it cannot be read (the
 * process vanished, or /proc hides it). open/read/close into a reused buffer costs half of
 * readFileSync, which stats the file and allocates for every call.
 */
export function readProcFile(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    return ignoreVanished(error);
  }
  try {
    let length = 0;
    for (;;) {
      const wanted = buffer.length - length;
      const n = fs.readSync(fd, buffer, length, wanted, null);
      length += n;
      // seq_file fills a read as far as it can, so a short read is the end: saves a syscall per file.
      if (n < wanted) break;
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger);
        buffer = bigger;
      }
    }
    return buffer.toString('latin1', 0, length);
  } catch (error) {
    return ignoreVanished(error);
  } finally {
    fs.closeSync(fd);
  }
}

/** Lists a /proc directory (such as `task/`), or [] when it is gone. */
export function readProcDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    return ignoreVanished(error) ?? [];
  }
}

// A pid may exit between any two reads: every filesystem error means "not there any more".
function ignoreVanished(error: unknown): undefined {
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') return undefined;
  throw error;
}
