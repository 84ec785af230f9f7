import { describe, expect, it } from 'vitest';
import type { InstanceInfo, ProcessRow } from '../../../src/api/types.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec } from '../../integration/support.js';
import { trackedLocalClis, type localCli } from './local-cli.js';

const cli = trackedLocalClis();

async function rows(c: ReturnType<typeof localCli>): Promise<ProcessRow[]> {
  const run = await c.run(['list', '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ProcessRow[];
}

/** Starts `idle` (n instances, on fresh ports when asked) and waits until each prints "ready". */
async function startIdle(c: ReturnType<typeof localCli>, n: number, extra: string[] = []) {
  const run = await c.run(['start', 'node idle.mjs', '--name', 'idle', '--instances', String(n), ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  for (let id = 0; id < n; id++) await waitFor(() => c.sup.logs.lines('idle', id, 'out').includes('ready'), { what: `idle-${id} ready` });
  return run;
}

describe('start', () => {
  it('starts a quoted command with flags and prints what it started, then its table', async () => {
    const c = cli();
    const from = await freePortRange(2);
    const run = await startIdle(c, 2, ['--port', `${from}-${from + 1}`, '--env', 'GREETING=hi']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('started: idle');
    expect(lines[1]).toMatch(/^id +status +health +pid +port +cpu +memory +uptime +restarts$/);
    expect(lines.slice(2).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([['idle-0', 'online'], ['idle-1', 'online']]);
    const listed = await rows(c);
    expect(listed.map((r) => [r.id, r.port, r.status])).toEqual([['idle-0', from, 'online'], ['idle-1', from + 1, 'online']]);
    const [info] = JSON.parse((await c.run(['info', 'idle', '--instance', '1', '--json'])).stdout) as InstanceInfo[];
    expect(info!.env).toMatchObject({ GREETING: 'hi', PORT: String(from + 1) });
  });

  it('refuses to start a running app and says to use restart, starting nothing', async () => {
    const c = cli();
    await startIdle(c, 1);
    const before = await rows(c);
    const again = await c.run(['start', 'node idle.mjs', '--name', 'idle']);
    expect(again).toEqual({ code: 1, stdout: '', stderr: 'pmdaemon: app "idle" is already running; use "pmdaemon restart idle" to restart it\n' });
    const byName = await c.run(['start', 'idle']);
    expect(byName.code).toBe(1);
    expect(await rows(c)).toEqual(before.map((r) => ({ ...r, uptime: expect.any(Number), cpu: expect.any(Number), memory: expect.any(Number) })));
  });

  it('starts a stopped app, or one stopped instance, by its name', async () => {
    const c = cli();
    await startIdle(c, 2);
    await c.run(['stop', 'idle']);
    expect((await rows(c)).map((r) => r.status)).toEqual(['stopped', 'stopped']);
    const one = await c.run(['start', 'idle', '--instance', '1']);
    expect(one.code).toBe(0);
    expect((await rows(c)).map((r) => r.status)).toEqual(['stopped', 'online']);
    const all = await c.run(['start', 'all', '--json']);
    expect((JSON.parse(all.stdout) as ProcessRow[]).map((r) => r.status)).toEqual(['online', 'online']);
  });

  it('starts the apps of an ecosystem file, only the --only ones', async () => {
    const c = cli();
    const run = await c.run(['start', 'configs/apps.json', '--only', 'api', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ProcessRow[]).map((r) => r.id)).toEqual(['api-0']);
  });
});

describe('stop, restart, delete', () => {
  it('stops and restarts one instance, leaving the others alone', async () => {
    const c = cli();
    await startIdle(c, 2);
    const [p0, p1] = (await rows(c)).map((r) => r.pid!);
    const stop = await c.run(['stop', 'idle', '--instance', '1', '--json']);
    expect((JSON.parse(stop.stdout) as ProcessRow[]).map((r) => [r.id, r.status])).toEqual([['idle-1', 'stopped']]);
    expect(isRunning(p1!)).toBe(false);
    const restart = await c.run(['restart', 'idle', '--instance', '0']);
    expect(restart.code).toBe(0);
    const after = await rows(c);
    expect(after[0]!.pid).not.toBe(p0);
    expect(after[0]!.restarts).toBe(1);
    expect(after[1]!.status).toBe('stopped');
  });

  it('addresses every app with "all"', async () => {
    const c = cli();
    await startIdle(c, 1);
    await c.run(['start', 'chatter.mjs']);
    expect((await c.run(['stop', 'all'])).code).toBe(0);
    expect((await rows(c)).map((r) => r.status)).toEqual(['stopped', 'stopped']);
    expect((await c.run(['restart', 'all'])).code).toBe(0);
    expect((await rows(c)).map((r) => r.status)).toEqual(['online', 'online']);
    const del = await c.run(['delete', 'all', '--json']);
    expect(JSON.parse(del.stdout)).toEqual({ deleted: ['idle', 'chatter'] });
    const empty = await c.run(['list']);
    expect(empty).toEqual({ code: 0, stdout: '', stderr: 'no apps; start one with: pmdaemon start "node server.js"\n' });
    expect((await c.run(['list', '--json'])).stdout).toBe('[]\n');
  });

  it('restarts one instance at a time with --rolling, showing progress on stderr', async () => {
    const c = cli();
    await startIdle(c, 2, ['--min-uptime', '100ms']);
    const run = await c.run(['restart', 'idle', '--rolling']);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'idle-0 restarting', 'idle-0 waiting', 'idle-0 ready', 'idle-1 restarting', 'idle-1 waiting', 'idle-1 ready', 'idle: rolling restart done',
    ]);
    expect((await rows(c)).map((r) => r.restarts)).toEqual([1, 1]);
  });

  it('deletes one app and keeps the others', async () => {
    const c = cli();
    await startIdle(c, 1);
    await c.run(['start', 'chatter.mjs']);
    const run = await c.run(['delete', 'idle']);
    expect(run).toEqual({ code: 0, stdout: 'deleted: idle\n', stderr: '' });
    expect((await rows(c)).map((r) => r.app)).toEqual(['chatter']);
  });
});

describe('bad input: one line on stderr, nothing on stdout, a non-zero exit', () => {
  const cases: Array<[string, string[], number, string | RegExp]> = [
    ['an unknown app, with the known names', ['stop', 'nope'], 4, 'pmdaemon: no app named "nope"; known apps: idle\n'],
    ['an instance out of range', ['restart', 'idle', '--instance', '5'], 4, 'pmdaemon: app "idle" has instances 0-1; there is no instance 5\n'],
    ['an instance that is not a number', ['info', 'idle', '--instance', 'one'], 2, 'pmdaemon: --instance "one" is not an instance id; use a whole number like 0\n'],
    ['--instance with all', ['stop', 'all', '--instance', '0'], 2, 'pmdaemon: --instance cannot be used with "all"; name one app\n'],
    ['a bad duration', ['start', 'idle.mjs', '--name', 'x', '--kill-timeout', '5 parsecs'], 3, /^pmdaemon: app "x": --kill-timeout is "5 parsecs"; use a number of milliseconds or a string with a unit: "500ms", "10s", "2m", "1h"\n$/],
    ['a bad size', ['start', 'idle.mjs', '--name', 'x', '--max-memory', 'lots'], 3, 'pmdaemon: app "x": --max-memory is "lots"; use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"\n'],
    ['a malformed --env', ['start', 'idle.mjs', '--env', 'NOEQUALS'], 2, 'pmdaemon: --env "NOEQUALS" is not K=V; write e.g. --env NODE_ENV=production\n'],
    ['an unknown flag, with a suggestion', ['logs', 'idle', '--folow'], 2, 'pmdaemon: unknown flag "--folow" for "logs"; did you mean "--follow"?\n'],
    ['an unknown command, with a suggestion', ['lsit'], 2, 'pmdaemon: unknown command "lsit"; did you mean "list"?\n'],
    ['a bad scale count', ['scale', 'idle', 'many'], 2, 'pmdaemon: "many" is not an instance count; use N (e.g. 4), +N to add or -N to remove\n'],
    ['a scale to zero', ['scale', 'idle', '-2'], 2, 'pmdaemon: cannot scale "idle" to 0: give a whole number of instances, at least 1 (use stop to stop them all)\n'],
    ['a missing app name', ['stop'], 2, 'pmdaemon: missing app name; usage: pmdaemon stop <app|all> [--instance ID]\n'],
    ['--batch without --rolling', ['restart', 'idle', '--batch', '2'], 2, 'pmdaemon: --batch and --timeout apply to a rolling restart; add --rolling\n'],
    ['--err with --out', ['logs', 'idle', '--err', '--out'], 2, 'pmdaemon: --err and --out exclude each other; give neither for both streams\n'],
    ['a bad --lines', ['logs', 'idle', '--lines', '-3'], 2, 'pmdaemon: --lines "-3" is not a whole number of 0 or more\n'],
  ];

  it.each(cases)('%s', async (_what, argv, code, stderr) => {
    const c = cli();
    await c.sup.addApp(fixtureSpec({ name: 'idle', script: 'idle.mjs', instances: 2 }));
    const run = await c.run(argv);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    if (typeof stderr === 'string') expect(run.stderr).toBe(stderr);
    else expect(run.stderr).toMatch(stderr);
  });

  it('prints the usage on stderr and exits 2 without a command', async () => {
    const run = await cli().run([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^usage: pmdaemon <command>/);
  });
});
