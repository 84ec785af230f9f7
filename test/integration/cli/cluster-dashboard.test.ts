import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../../helpers/temp-home.js';

const CLI = path.resolve('dist/bin/pmdaemon.js');
let home: ReturnType<typeof tempHome> | undefined;

const run = (file: string, ...args: string[]): string =>
  execFileSync(process.execPath, [file, ...args], { env: { ...process.env, PMDAEMON_HOME: home!.dir }, encoding: 'utf8' });

afterEach(() => {
  if (!home) return;
  run(CLI, 'kill');
  home.cleanup();
  home = undefined;
});

describe('examples/cluster-dashboard.mjs (the client library as the docs show it)', () => {
  it('prints a live summary of every app from a real daemon', () => {
    home = tempHome();
    run(CLI, 'start', path.resolve('test/fixtures/idle.mjs'), '--name', 'dash', '--instances', '3');
    const out = run(path.resolve('examples/cluster-dashboard.mjs'), '--once');
    expect(out).toMatch(/dash\s+3\/3 online\s+cpu avg\s+[\d.]+%\s+memory\s+[\d.]+ MiB/);
  });
});
