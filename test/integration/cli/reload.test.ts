import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessRow, RollingProgress } from '../../../src/api/types.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { waitFor } from '../../helpers/wait-for.js';
import { cleanupHomes, daemonHome, requireBuild } from './cli-support.js';

beforeAll(requireBuild);
afterEach(cleanupHomes);

type Step = RollingProgress & { app: string };

const steps = (stdout: string): Step[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as Step);

describe('pmdaemon reload', () => {
  it('adds instances first, then restarts the old ones one at a time, printing each step as JSON', async () => {
    const d = daemonHome();
    expect((await d.run(['start', 'idle.mjs', '--instances', '2', '--min-uptime', '200ms'])).code).toBe(0);
    const before = await d.list();
    const reload = await d.run(['reload', 'idle', '--rolling', '--instances', '3', '--json']);
    expect(reload.code, reload.stderr).toBe(0);
    const phases = steps(reload.stdout).map((s) => `${s.instance}:${s.phase}`);
    expect(phases).toEqual(['2:adding', '2:ready', '0:restarting', '0:waiting', '0:ready', '1:restarting', '1:waiting', '1:ready', '-1:done']);
    expect(steps(reload.stdout).every((s) => s.app === 'idle')).toBe(true);
    const after = await d.list();
    expect(after.map((r) => [r.instance, r.status])).toEqual([[0, 'online'], [1, 'online'], [2, 'online']]);
    expect(after.slice(0, 2).every((r, k) => r.pid !== before[k]!.pid && r.restarts === 1)).toBe(true);
  });

  it('removes the highest instances first when moving to fewer, then restarts the rest', async () => {
    const d = daemonHome();
    expect((await d.run(['start', 'idle.mjs', '--instances', '3', '--min-uptime', '200ms'])).code).toBe(0);
    await d.list();
    const reload = await d.run(['reload', 'idle', '--instances', '1', '--json']);
    expect(reload.code, reload.stderr).toBe(0);
    expect(steps(reload.stdout).map((s) => `${s.instance}:${s.phase}`)).toEqual(['1:removing', '2:removing', '0:restarting', '0:waiting', '0:ready', '-1:done']);
    expect((await d.list()).map((r) => [r.instance, r.restarts])).toEqual([[0, 1]]);
  });

  it('stops at the first instance that does not come back, names it and why, and leaves the rest as they were', async () => {
    const d = daemonHome();
    const refuse = path.join(d.home, 'refuse');
    const start = await d.run(['start', 'refuse-restart.mjs', '--name', 'stubborn', '--instances', '3', '--min-uptime', '10s', '--no-autorestart', '--env', `REFUSE_FILE=${refuse}`]);
    expect(start.code, start.stderr).toBe(0);
    const before = await d.list();
    // "online" means spawned: each process must be past its check before the file appears.
    await waitFor(() => [0, 1, 2].every((id) => fs.existsSync(`${refuse}.${id}.up`)), { what: 'the three instances running' });
    fs.writeFileSync(refuse, '');
    const reload = await d.run(['reload', 'stubborn']);
    expect(reload.code).not.toBe(0);
    expect(reload.stderr).toContain('stubborn-0 failed');
    expect(reload.stderr).toMatch(/stopped at instance 0: .*exited.*; instances 1, 2 were left as they were/);
    const after = await d.json<ProcessRow[]>(['list']);
    expect(after.slice(1).map((r) => r.pid)).toEqual(before.slice(1).map((r) => r.pid));
  });

  it('gives up on an instance that is not healthy within --timeout, with the last health check', async () => {
    const d = daemonHome();
    const sick = path.join(d.home, 'sick');
    const from = await freePortRange(2);
    const start = await d.run(['start', 'http-health.mjs', '--name', 'web', '--instances', '2', '--port', `${from}-${from + 1}`, '--env', `UNHEALTHY_FILE=${sick}`, '--health-url', 'http://127.0.0.1:${PORT}/health', '--health-interval', '0.2']);
    expect(start.code, start.stderr).toBe(0);
    await waitFor(async () => (await d.list()).every((r) => r.health === 'healthy'), { what: 'both instances healthy' });
    fs.writeFileSync(sick, '');
    const reload = await d.run(['reload', 'web', '--timeout', '2s']);
    expect(reload.code).toBe(1);
    expect(reload.stderr).toMatch(/stopped at instance 0: not healthy within 2000 ms \(last check: HTTP 503\); instances 1 were left as they were/);
    await d.list();
  });

  it('refuses bad input with a usage error', async () => {
    const d = daemonHome();
    const cases: Array<[string[], RegExp]> = [
      [['reload'], /usage: pmdaemon reload <app>/],
      [['reload', 'all'], /one app at a time/],
      [['reload', 'web', '--instances', '0'], /--instances "0" is not a whole number of 1 or more/],
      [['reload', 'web', '--timeout', 'soon'], /--timeout "soon" is not a duration/],
    ];
    for (const [args, message] of cases) {
      const result = await d.run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
