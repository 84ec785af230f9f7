import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh PMDAEMON_HOME in a temp dir, with a function that removes it. */
export function tempHome(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-home-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
