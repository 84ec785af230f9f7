import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../daemon/persistence/atomic-write.js';

// Load balancers often read their config as another user than the daemon's: readable by all, unless the file says otherwise.
const NEW_FILE_MODE = 0o644;

/** A load-balancer file that could not be read or replaced; the message says what to do. */
export class LbFileError extends Error {
  override readonly name = 'LbFileError';
  constructor(readonly file: string, readonly code: string | undefined, options: { cause: unknown }) {
    super(`cannot write ${file}: ${code ?? errorText(options.cause)}; ${remedy(file, code)}`, options);
  }
}

/**
 * Replaces `file` with `text` atomically (temp file in the same directory, then rename), keeping
 * the file's mode as the umask allows; skips the write when the content is already `text`.
 * Resolves with whether it wrote.
 */
export async function writeFileIfChanged(file: string, text: string): Promise<boolean> {
  // All synchronous (the file is a few hundred bytes) so that two rewrites can never interleave.
  let mode = NEW_FILE_MODE;
  try {
    if (fs.readFileSync(file, 'utf8') === text) return false;
    mode = fs.statSync(file).mode & 0o777;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new LbFileError(file, errorCode(error), { cause: error });
  }
  try {
    writeFileAtomicSync(file, text, mode);
    return true;
  } catch (error) {
    throw new LbFileError(file, errorCode(error), { cause: error });
  }
}

function remedy(file: string, code: string | undefined): string {
  const dir = path.dirname(file);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `make the directory ${dir} writable by the daemon's user (the file is replaced by a rename) or choose another file`;
    case 'ENOENT':
      return `the directory ${dir} does not exist; create it or choose another file`;
    case 'EISDIR':
      return 'it is a directory; give the path of a file in it';
    case 'ENOTDIR':
      return `a part of ${dir} is not a directory; choose another file`;
    case 'EROFS':
      return 'the file system is read-only; choose a file on a writable one';
    default:
      return 'check the path and the free space, or choose another file';
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
