import { afterEach, describe, expect, it } from 'vitest';
import { fixtureSpec, instanceOf, pidOf, startSupervisor, stopSupervisors, waitForInstance } from './support.js';

afterEach(stopSupervisors);

describe('max_memory_restart with real processes', () => {
  it('restarts an instance whose memory passes max_memory_restart, recording why', async () => {
    const { sup } = startSupervisor({ metricsIntervalMs: 200 });
    await sup.addApp(fixtureSpec({ name: 'hog', script: 'hog.mjs', max_memory_restart: '100M' }));
    const firstPid = pidOf(sup, 'hog', 0);

    const back = await waitForInstance(sup, 'hog', 0, (i) => i.status === 'online' && i.pid !== firstPid && i.restarts >= 1);
    const exit = back.exits[0];
    expect(exit?.reason).toBe('memory-limit');
    expect(exit?.detail).toMatch(/^memory .* over max_memory_restart 100 ?Mi?B$/);
    // The restart followed a real sample above the limit.
    const peak = Math.max(...instanceOf(sup, 'hog', 0).history.map((h) => h.memory));
    expect(peak).toBeGreaterThan(100 * 1024 * 1024);
  });

  it('leaves an instance within its max_memory_restart alone', async () => {
    const { sup } = startSupervisor({ metricsIntervalMs: 100 });
    await sup.addApp(fixtureSpec({ name: 'calm', script: 'idle.mjs', max_memory_restart: '1G' }));
    const pid = pidOf(sup, 'calm', 0);

    const sampled = await waitForInstance(sup, 'calm', 0, (i) => i.history.length >= 5);
    expect(sampled.memory).toBeGreaterThan(1024 * 1024);
    expect(sampled).toMatchObject({ pid, restarts: 0, exits: [] });
  });
});
