import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceInfo, ProcessRow } from '../../../src/api/types.js';
import { cleanupHomes, daemonHome, requireBuild } from './cli-support.js';

beforeAll(requireBuild);
afterEach(cleanupHomes);

describe('pmdaemon autoscale through a daemon', () => {
  it('turns autoscaling on and off, and list, list --json and info show it', async () => {
    const d = daemonHome();
    expect((await d.run(['start', 'idle.mjs', '--instances', '2'])).code).toBe(0);
    const on = await d.run(['autoscale', 'idle', '--min', '2', '--max', '4', '--cpu-threshold', '70', '--cooldown', '45s']);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toContain('2–4 instances');

    const list = await d.run(['list']);
    expect(list.stdout).toContain('idle: autoscale 2–4 at 70% CPU (cooldown 45s) · last: no change yet');
    const rows = await d.json<ProcessRow[]>(['list']);
    expect(rows.map((r) => r.autoscale && [r.autoscale.min, r.autoscale.max, r.autoscale.cpuThreshold, r.autoscale.cooldownMs])).toEqual([
      [2, 4, 70, 45_000],
      [2, 4, 70, 45_000],
    ]);
    const info = await d.json<InstanceInfo[]>(['info', 'idle', '--instance', '0']);
    expect(info[0]!.spec.autoscale).toMatchObject({ min: 2, max: 4, cpuThreshold: 70 });
    expect((await d.run(['info', 'idle', '--instance', '0'])).stdout).toMatch(/autoscale\s+/);

    const bad = await d.run(['autoscale', 'idle', '--min', '5', '--max', '3', '--cpu-threshold', '70']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('"--max" is "3"; it must be at least "--min" (5)');

    expect((await d.run(['autoscale', 'idle', '--off'])).stdout).toContain('idle: autoscale off');
    expect((await d.json<ProcessRow[]>(['list'])).every((r) => r.autoscale === undefined)).toBe(true);
    await d.list();
  });
});
