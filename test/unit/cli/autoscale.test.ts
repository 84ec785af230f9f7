import { describe, expect, it } from 'vitest';
import type { InstanceInfo, ProcessRow } from '../../../src/api/types.js';
import type { AutoscaleState } from '../../../src/cli/commands/autoscale.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec } from '../../integration/support.js';
import { trackedLocalClis } from './local-cli.js';

const cli = trackedLocalClis();

/** `idle` with two instances (on a port range of `ports` when given), each online and ready. */
async function withIdle(ports?: string) {
  const c = cli();
  await c.sup.addApp(fixtureSpec({ name: 'idle', script: 'idle.mjs', instances: 2, ...(ports ? { port: ports } : {}) }));
  for (const id of [0, 1]) await waitFor(() => c.sup.logs.lines('idle', id, 'out').includes('ready'), { what: `idle-${id} ready` });
  return c;
}

async function stateOf(c: Awaited<ReturnType<typeof withIdle>>): Promise<AutoscaleState> {
  const run = await c.run(['autoscale', 'idle', '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as AutoscaleState;
}

describe('autoscale', () => {
  it('turns autoscaling on from flags, keeps the settings in the spec and prints the state', async () => {
    const c = await withIdle();
    const run = await c.run(['autoscale', 'idle', '--min', '1', '--max', '4', '--cpu-threshold', '70%', '--memory-threshold', '512M', '--cooldown', '1m']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([
      'idle: autoscale on',
      '  1–4 instances, averaged over 10s, cooldown 1m',
      '  up one above 70% CPU or 512 MiB memory, down one below half of it',
      '  last: no change yet',
      '',
    ].join('\n'));
    const settings = { min: 1, max: 4, cpuThreshold: 70, memoryThreshold: 512 * 1024 ** 2, cooldownMs: 60_000, windowMs: 10_000 };
    expect(c.sup.store.getState().apps.idle?.spec.autoscale).toEqual(settings);
    expect(await stateOf(c)).toEqual({ app: 'idle', autoscale: { ...settings, last: null, cpu: null, memory: null, lastChangeAt: null } });
  });

  it('shows the settings in list, list --json and info', async () => {
    const c = await withIdle();
    expect((await c.run(['autoscale', 'idle', '--min', '2', '--max', '3', '--cpu-threshold', '70'])).code).toBe(0);
    const list = await c.run(['list']);
    expect(list.stdout.trimEnd().split('\n').slice(-2)).toEqual(['', 'idle: autoscale 2–3 at 70% CPU (cooldown 30s) · last: no change yet']);
    const rows = JSON.parse((await c.run(['list', '--json'])).stdout) as ProcessRow[];
    const expected = { min: 2, max: 3, cpuThreshold: 70, memoryThreshold: null, cooldownMs: 30_000, windowMs: 10_000, last: null };
    expect(rows.map((r) => r.autoscale)).toEqual([expected, expected]);
    const info = await c.run(['info', 'idle', '--instance', '0']);
    expect(info.stdout).toContain('\n  autoscale 2–3 instances, averaged over 10s, cooldown 30s\n            up one above 70% CPU, down one below half of it\n');
    const [described] = JSON.parse((await c.run(['info', 'idle', '--instance', '0', '--json'])).stdout) as InstanceInfo[];
    expect(described?.spec.autoscale).toEqual({ min: 2, max: 3, cpuThreshold: 70, cooldownMs: 30_000, windowMs: 10_000 });
  });

  it('adjusts one setting and keeps the others', async () => {
    const c = await withIdle();
    await c.run(['autoscale', 'idle', '--min', '1', '--max', '3', '--cpu-threshold', '60', '--window', '5s']);
    const run = await c.run(['autoscale', 'idle', '--max', '6']);
    expect(run.code).toBe(0);
    expect((await stateOf(c)).autoscale).toMatchObject({ min: 1, max: 6, cpuThreshold: 60, windowMs: 5000 });
  });

  it('turns autoscaling off with --off, leaving the instances as they are', async () => {
    const c = await withIdle();
    await c.run(['autoscale', 'idle', '--min', '1', '--max', '3', '--cpu-threshold', '60']);
    const off = await c.run(['autoscale', 'idle', '--off']);
    expect(off).toEqual({ code: 0, stdout: 'idle: autoscale off\n', stderr: '' });
    expect(await stateOf(c)).toEqual({ app: 'idle', autoscale: null });
    expect(c.sup.store.getState().apps.idle?.instances).toHaveLength(2);
    expect((await c.run(['list'])).stdout).not.toContain('autoscale');
  });

  it('reports every invalid setting, worded in flags, and changes nothing', async () => {
    const c = await withIdle();
    const run = await c.run(['autoscale', 'idle', '--min', '0', '--max', 'many', '--cooldown', 'soon']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('pmdaemon: app "idle": '))).toBe(true);
    expect(run.stderr).toContain('"--min" is "0"');
    expect(run.stderr).toContain('"--max" is "many"');
    expect(run.stderr).toContain('"--cpu-threshold" is missing');
    expect(run.stderr).toContain('"--cooldown" is "soon"');
    expect(c.sup.store.getState().apps.idle?.spec.autoscale).toBeUndefined();
  });

  it('refuses a max that the app\'s port range cannot hold, naming the range to use', async () => {
    const from = await freePortRange(2);
    const c = await withIdle(`${from}-${from + 1}`);
    const run = await c.run(['autoscale', 'idle', '--min', '2', '--max', '4', '--cpu-threshold', '70']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`"--max" is "4" but "port" is "${from}-${from + 1}"`);
    expect(run.stderr).toContain(`"${from}-${from + 3}"`);
    expect(c.sup.store.getState().apps.idle?.spec.autoscale).toBeUndefined();
  });

  it('prints the state of an app without autoscaling as off', async () => {
    const c = await withIdle();
    expect(await c.run(['autoscale', 'idle'])).toEqual({ code: 0, stdout: 'idle: autoscale off\n', stderr: '' });
  });

  it('rejects a malformed command line before connecting', async () => {
    const c = cli();
    const both = await c.run(['autoscale', 'web', '--off', '--max', '3']);
    expect(both).toEqual({ code: 2, stdout: '', stderr: 'pmdaemon: --off turns autoscaling off; give it without --max\n' });
    expect((await c.run(['autoscale'])).code).toBe(2);
    expect((await c.run(['autoscale', 'all', '--off'])).stderr).toBe('pmdaemon: autoscale applies to one app; name it\n');
    expect((await c.run(['autoscale', 'web', '--maxx', '3'])).stderr).toContain('did you mean "--max"?');
    expect(c.connects).toEqual([]);
  });

  it('names an unknown app with exit code 4', async () => {
    const c = cli();
    const run = await c.run(['autoscale', 'nope', '--min', '1', '--max', '2', '--cpu-threshold', '50']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('nope');
  });
});
