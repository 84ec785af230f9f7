import fs from 'node:fs';
import path from 'node:path';
import { CorruptStateError } from './errors.js';
import { parseFile, type PersistedFile } from './format.js';
import { isTempOf } from './atomic-write.js';

export function statePath(home: string): string {
  return path.join(home, 'state.json');
}

export function dumpPath(home: string): string {
  return path.join(home, 'dump.json');
}

/** The parsed file, or undefined when it does not exist; throws CorruptStateError when unreadable. */
export function readPersisted(file: string): PersistedFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CorruptStateError(file, (error as Error).message, { cause: error });
  }
  try {
    return parseFile(text);
  } catch (error) {
    throw new CorruptStateError(file, (error as Error).message, { cause: error });
  }
}

export type Warn = (message: string) => void;

export const warnOnStderr: Warn = (message) => process.stderr.write(`pmdaemon: ${message}\n`);

/**
 * Like readPersisted, but a corrupt file is renamed to `<file>.corrupt-<time>` with a warning and
 * read as absent: a bad state file must never keep the daemon from starting.
 */
export function readOrSetAside(file: string, warn: Warn, now = Date.now()): PersistedFile | undefined {
  try {
    return readPersisted(file);
  } catch (error) {
    const aside = `${file}.corrupt-${now}`;
    try {
      fs.renameSync(file, aside);
      warn(`${(error as Error).message}; moved it to ${aside} and started without restoring apps`);
    } catch (renameError) {
      warn(`${(error as Error).message}; could not move it aside (${(renameError as Error).message}), started without restoring apps`);
    }
    return undefined;
  }
}

/** Removes temp files left by a process killed in the middle of an atomic write of `file`. */
export function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (isTempOf(file, name)) fs.rmSync(path.join(dir, name), { force: true });
}
