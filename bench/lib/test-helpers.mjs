// The TypeScript test helpers for plain-JS benches: compiled with the repo's tsc into a temp dir and
// imported from there, so a bench drives the same code the tests do instead of a port of it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Emit only: the tests and `tsc --noEmit` type-check these files; a bench should not stop on a type
// error someone else's half-done edit put into a file the helpers import.
const TSC_FLAGS = ['--module', 'nodenext', '--target', 'es2022', '--noCheck', '--skipLibCheck'];

/**
 * Compiles `files` (names in test/helpers, e.g. 'nginx.ts') and what they import, and resolves with
 * their module namespaces in the same order. The temp dir is removed before this resolves: imported
 * ES modules no longer need their files (none of the helpers imports lazily), so nothing is left to clean up.
 */
export async function loadTestHelpers(files) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-test-helpers-'));
  try {
    const sources = files.map((file) => path.join(root, 'test/helpers', file));
    // rootDir is the repo so a helper may import from src/; the output mirrors it under `out`.
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), [...sources, '--outDir', out, '--rootDir', root, ...TSC_FLAGS], { cwd: root, stdio: 'inherit' });
    fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
    // Bare imports in the output resolve through the repo's dependencies.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'), 'dir');
    const modules = [];
    for (const file of files) {
      modules.push(await import(pathToFileURL(path.join(out, 'test/helpers', file.replace(/\.ts$/, '.js'))).href));
    }
    return modules;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
