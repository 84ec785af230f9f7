import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes a preload into `dir` that appends every module URL the process loads to the file named by
 * PMD_LOADED; returns its path, for `node --import <url>` or NODE_OPTIONS. Only that process is
 * recorded: the preload removes NODE_OPTIONS and PMD_LOADED, so a daemon it starts does not inherit them.
 */
export function writeModuleRecorder(dir: string): string {
  const hooks = path.join(dir, 'record-hooks.mjs');
  const preload = path.join(dir, 'record.mjs');
  // Loader hooks run on their own thread, so the file name goes to them as data.
  fs.writeFileSync(hooks, `import fs from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function load(url, context, next) { fs.appendFileSync(file, url + '\\n'); return next(url, context); }
`);
  fs.writeFileSync(preload, `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { file: process.env.PMD_LOADED } });
delete process.env.NODE_OPTIONS;
delete process.env.PMD_LOADED;
`);
  return preload;
}
