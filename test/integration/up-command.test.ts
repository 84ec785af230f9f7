import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRunning } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';
import { FIXTURES, tempDir, stopSupervisors } from './support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'dist/bin/pmdaemon.js');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const runs: Run[] = [];
const childPids: number[] = [];

/** `node dist/bin/pmdaemon.js <args>` with its own PMDAEMON_HOME, output collected. */
function pmdaemon(args: string[], home: string): Run {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, PMDAEMON_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const run = { child, stdout: () => out, stderr: () => err, exited };
  runs.push(run);
  return run;
}

afterEach(async () => {
  for (const run of runs.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await run.exited;
  }
  for (const pid of childPids.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  await stopSupervisors(); // removes the temp dirs
});

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test builds before running vitest)`);
});

describe('pmdaemon up (the built CLI, end to end)', () => {
  it('runs the apps of a file in the foreground and stops them all gracefully on SIGTERM', async () => {
    const dir = tempDir();
    const home = path.join(dir, 'home');
    const file = path.join(dir, 'ecosystem.json5');
    fs.writeFileSync(file, `// two idle instances\n{ apps: [ { name: 'idle', script: ${JSON.stringify(path.join(FIXTURES, 'idle.mjs'))}, instances: 2, kill_timeout: '5s' } ] }\n`);
    const run = pmdaemon(['up', file], home);

    const pids = await waitFor(
      () => {
        const found = [0, 1].map((id) => new RegExp(`idle-${id}\\s+online\\s+pid (\\d+)`).exec(run.stdout())?.[1]);
        return found.every((p) => p !== undefined) && found.map(Number);
      },
      { what: 'two "online" lines on stdout' },
    );
    childPids.push(...pids);
    expect(pids.every(isRunning)).toBe(true);
    // Logs go to $PMDAEMON_HOME, not to the terminal; "ready" means the child now handles SIGTERM.
    for (const id of [0, 1]) {
      await waitFor(() => fs.readFileSync(path.join(home, 'logs', `idle-${id}-out.log`), 'utf8') === 'ready\n', { what: `idle-${id} ready` });
    }

    run.child.kill('SIGTERM');
    const { code } = await run.exited;

    expect(code).toBe(0);
    for (const id of [0, 1]) expect(run.stdout()).toMatch(new RegExp(`^\\S+ +idle-${id} +stopped\\b`, 'm'));
    expect(run.stdout()).not.toMatch(/ready/);
    expect(run.stderr()).toMatch(/SIGTERM: stopping every instance gracefully/);
    expect(pids.filter(isRunning)).toEqual([]);
  });

  it('rejects a config with an unknown field before starting anything, naming the field and a suggestion', async () => {
    const dir = tempDir();
    const home = path.join(dir, 'home');
    const dumps = path.join(dir, 'dumps');
    fs.mkdirSync(dumps);
    const file = path.join(dir, 'bad.json5');
    const script = JSON.stringify(path.join(FIXTURES, 'env-dump.mjs'));
    fs.writeFileSync(file, `{ apps: [ { name: 'dump', script: ${script}, instnaces: 2, env: { DUMP_DIR: ${JSON.stringify(dumps)} } } ] }\n`);
    const run = pmdaemon(['up', file], home);

    const { code } = await run.exited;

    expect(code).not.toBe(0);
    expect(code).toBe(3);
    expect(run.stderr()).toContain('unknown field "instnaces"; did you mean "instances"?');
    expect(run.stderr()).toContain(file);
    expect(run.stdout()).toBe('');
    // An instance that had started would have had its log files opened and written its dump.
    expect(fs.existsSync(path.join(home, 'logs'))).toBe(false);
    expect(fs.readdirSync(dumps)).toEqual([]);
  });
});
