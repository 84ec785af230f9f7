import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanupHomes, daemonHome, requireBuild, ROOT } from './cli-support.js';
import { writeModuleRecorder } from '../../helpers/module-recorder.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-hooks-'));
const preload = writeModuleRecorder(dir);

/** Runs node with the recording preload; returns every module URL it loaded. */
function loadedBy(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const file = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(file, '');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', pathToFileURL(preload).href, ...args], { cwd: ROOT, env: { ...process.env, ...env, PMD_LOADED: file } }, (error, _stdout, stderr) => {
      if (error && !/^pmdaemon: /m.test(stderr)) reject(new Error(`${args.join(' ')}: ${stderr}`));
      else resolve(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean));
    });
  });
}

const UI = /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//;

beforeAll(requireBuild);
afterEach(cleanupHomes);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('commands that draw no UI', () => {
  it('records the modules a process loads (the check can see Ink when it is loaded)', async () => {
    const urls = await loadedBy(['--input-type=module', '-e', "await import('ink')"]);
    expect(urls.some((u) => UI.test(u))).toBe(true);
  });

  it('never load Ink or React, whichever command runs', async () => {
    const d = daemonHome();
    const env = { PMDAEMON_HOME: d.home };
    const { COMMANDS } = await import('../../../src/cli/command-table.js');
    // --help loads each command's whole module graph; list and ping also load the client.
    const runs = [...COMMANDS.map((c) => [c.name, '--help']), ['help'], ['ping'], ['list'], ['start', 'idle.mjs', '--cwd', 'test/fixtures'], ['info', 'idle'], ['version']];
    for (const argv of runs) {
      const urls = await loadedBy([BIN, ...argv], env);
      expect(urls.some((u) => u.endsWith('/dist/cli/main.js')), `${argv.join(' ')} loaded main.js`).toBe(true);
      expect(urls.filter((u) => UI.test(u)), `pmdaemon ${argv.join(' ')}`).toEqual([]);
    }
    await d.list();
  });
});
