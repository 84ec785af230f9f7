import { afterEach, describe, expect, it } from 'vitest';
import { freePortRange } from '../helpers/free-port-range.js';
import { waitFor } from '../helpers/wait-for.js';
import { fixtureSpec, httpGet, instancesOf, startSupervisor, stopSupervisors } from './support.js';
import type { Supervisor } from '../../src/supervisor/supervisor.js';

afterEach(stopSupervisors);

const COOLDOWN_MS = 1500;

/**
 * Keeps one /burn request in flight per online instance until stopped or the deadline passes,
 * so every instance spins its CPU whatever the current count.
 */
function burnLoad(sup: Supervisor, deadlineMs: number): { stop: () => Promise<void> } {
  let stopped = false;
  const until = Date.now() + deadlineMs;
  const busy = new Set<number>();
  const loops: Promise<void>[] = [];
  const loop = async (port: number): Promise<void> => {
    while (!stopped && Date.now() < until && instancesOf(sup, 'burner').some((i) => i.port === port && i.status === 'online')) {
      await httpGet(port, '/burn?ms=200').catch(() => undefined);
    }
    busy.delete(port);
  };
  const timer = setInterval(() => {
    for (const i of instancesOf(sup, 'burner')) {
      if (i.status !== 'online' || i.port === undefined || busy.has(i.port) || stopped) continue;
      busy.add(i.port);
      loops.push(loop(i.port));
    }
  }, 50);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all(loops);
    },
  };
}

describe('autoscaling a real cluster by CPU', () => {
  it('scales up from min under load, back down to min when idle, never twice inside the cooldown', async () => {
    const from = await freePortRange(3);
    const { sup } = startSupervisor({ metricsIntervalMs: 250 });
    const autoscale = { min: 1, max: 3, cpu_threshold: 40, cooldown: COOLDOWN_MS, window: 1000 };
    await sup.addApp(fixtureSpec({ name: 'burner', script: 'lb-app.mjs', instances: 1, port: `${from}-${from + 2}`, autoscale }));
    const counts: Array<{ at: number; count: number }> = [{ at: Date.now(), count: 1 }];
    sup.store.subscribe((state) => {
      const count = state.apps.burner?.instances.length ?? 0;
      if (count !== counts.at(-1)!.count) counts.push({ at: Date.now(), count });
    });
    await waitFor(() => httpGet(from).then((r) => r.status === 200), { what: 'burner-0 answering' });

    const load = burnLoad(sup, 40_000);
    try {
      await waitFor(() => instancesOf(sup, 'burner').length === 3, { what: 'scaled up to max 3 under CPU load', timeoutMs: 30_000 });
    } finally {
      await load.stop();
    }
    const up = sup.store.getState().apps.burner?.autoscale?.last;
    expect(up?.reason).toMatch(/avg CPU [\d.]+% > 40%/);
    await waitFor(() => instancesOf(sup, 'burner').length === 1, { what: 'back to min 1 when idle', timeoutMs: 30_000 });
    expect(sup.store.getState().apps.burner?.autoscale?.last?.reason).toMatch(/< 20%/);

    expect(counts.map((c) => c.count)).toEqual([1, 2, 3, 2, 1]);
    const gaps = counts.slice(1).map((c, k) => c.at - counts[k]!.at).slice(1);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(COOLDOWN_MS);
  });
});
