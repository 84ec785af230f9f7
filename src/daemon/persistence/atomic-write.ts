import fs from 'node:fs';
import path from 'node:path';

let sequence = 0;

/** A temp name next to `file` (same directory, so the rename is atomic), unique within this process. */
function tempPath(file: string): string {
  return `${file}.tmp-${process.pid}-${++sequence}`;
}

/** True for the temp files `writeFileAtomic*` leave when the process dies mid-write. */
export function isTempOf(file: string, candidate: string): boolean {
  return candidate.startsWith(`${path.basename(file)}.tmp-`);
}

/**
 * Replaces `file` with `text` so that a reader (or a crash) sees the old or the new content,
 * never a mix: write a temp file, fsync it, rename over. The directory is not fsynced: losing
 * the rename in a power cut leaves the previous, still valid, file.
 */
export function writeFileAtomicSync(file: string, text: string, mode = 0o600): void {
  const temp = tempPath(file);
  try {
    const fd = fs.openSync(temp, 'w', mode);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The same off the event loop; `commit` is asked just before the rename, which is synchronous so
 * that no synchronous write made meanwhile can be overwritten by this older content. Resolves
 * with whether the file was replaced.
 */
export async function writeFileAtomic(file: string, text: string, commit: () => boolean = () => true): Promise<boolean> {
  const temp = tempPath(file);
  try {
    const handle = await fs.promises.open(temp, 'w', 0o600); // fs.promises loads on first use, not at daemon start
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!commit()) {
      fs.rmSync(temp, { force: true });
      return false;
    }
    fs.renameSync(temp, file);
    return true;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
