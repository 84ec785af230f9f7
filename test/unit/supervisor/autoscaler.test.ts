import { describe, expect, it } from 'vitest';
import type { AutoscaleSpec } from '../../../src/config/spec.js';
import type { Clock, Timer } from '../../../src/lib/clock.js';
import { Autoscaler } from '../../../src/supervisor/autoscale/autoscaler.js';
import { createSupervisorStore, newInstance, withApp, type SupervisorStore } from '../../../src/supervisor/store.js';
import type { AutoscaleStatus } from '../../../src/supervisor/types.js';
import { makeSpec } from '../../helpers/make-spec.js';
import { onlineInstance } from '../../helpers/online-instance.js';

const SETTINGS: AutoscaleSpec = { min: 1, max: 3, cpuThreshold: 70, cooldownMs: 30_000, windowMs: 10_000 };

/** A clock that moves only when told; due timers fire in order as it passes them. */
function fakeClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      timers.set(++nextId, { at: now + ms, fn });
      return nextId as unknown as Timer;
    },
    clearTimeout: (timer) => void timers.delete(timer as unknown as number),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

/** A scale function that records its calls and applies each to the store when released. */
function fakeScale(store: SupervisorStore) {
  const calls: Array<{ app: string; count: number; release: (error?: Error) => void }> = [];
  const scale = (app: string, count: number): Promise<void> =>
    new Promise((resolve, reject) => {
      calls.push({
        app,
        count,
        release: (error) => {
          if (error) return reject(error);
          store.setState((s) => {
            const current = s.apps[app]!;
            const kept = current.instances.slice(0, count);
            const added = Array.from({ length: count - kept.length }, (_, k) => onlineInstance(app, kept.length + k));
            return withApp(s, { ...current.spec, instances: count }, [...kept, ...added]);
          }, true);
          resolve();
        },
      });
    });
  return { scale, calls };
}

function setup(options: { instances?: number; settings?: AutoscaleSpec | undefined; apps?: string[] } = {}) {
  const clock = fakeClock();
  const store = createSupervisorStore(clock.now());
  const count = options.instances ?? 1;
  for (const name of options.apps ?? ['web']) {
    const settings = 'settings' in options ? options.settings : SETTINGS;
    const spec = makeSpec({ name, instances: count, ...(settings ? { autoscale: settings } : {}) });
    store.setState((s) => withApp(s, spec, Array.from({ length: count }, (_, id) => onlineInstance(name, id))), true);
  }
  const { scale, calls } = fakeScale(store);
  const logged: string[] = [];
  const autoscaler = new Autoscaler({ store, clock, scale, log: (line) => logged.push(line) });
  /** One metrics tick: a second passes, every online instance gets a sample, the autoscaler evaluates. */
  const tick = (cpu: number, seconds = 1): void => {
    for (let k = 0; k < seconds; k++) {
      clock.advance(1000);
      store.setState((s) => {
        const apps = { ...s.apps };
        for (const [name, app] of Object.entries(apps)) {
          const instances = app.instances.map((i) => (i.status === 'online' ? { ...i, history: [...i.history, { at: clock.now(), cpu, memory: 1e8 }] } : i));
          apps[name] = { ...app, instances };
        }
        return { ...s, apps };
      }, true);
      autoscaler.evaluate();
    }
  };
  const status = (app = 'web'): AutoscaleStatus | undefined => store.getState().apps[app]?.autoscale;
  return { clock, store, autoscaler, calls, logged, tick, status };
}

describe('Autoscaler', () => {
  it('scales up by one once a window of samples is over the threshold, then records the change', async () => {
    const { calls, logged, tick, status, clock, autoscaler } = setup();
    tick(90, 10);
    expect(calls).toEqual([]);
    tick(90);
    expect(calls.map((c) => [c.app, c.count])).toEqual([['web', 2]]);
    const decidedAt = clock.now();
    expect(status()?.last).toEqual({ at: decidedAt, from: 1, to: 2, reason: 'avg CPU 90% > 70% over 10s' });
    expect(status()?.lastChangeAt).toBeUndefined();
    clock.advance(500);
    calls[0]!.release();
    await autoscaler.settled();
    expect(status()).toMatchObject({ lastChangeAt: decidedAt + 500, cpu: 90, memory: 1e8, last: { from: 1, to: 2 } });
    expect(logged).toEqual(['autoscale web: 1 → 2 (avg CPU 90% > 70% over 10s)']);
  });

  it('never starts a second scale of an app while one is in flight', async () => {
    const { calls, tick, autoscaler } = setup({ settings: { ...SETTINGS, cooldownMs: 0, windowMs: 1000 } });
    tick(90, 5);
    expect(calls.map((c) => c.count)).toEqual([2]);
    calls[0]!.release();
    await autoscaler.settled();
    tick(90, 2);
    expect(calls.map((c) => c.count)).toEqual([2, 3]);
  });

  it('does not change the count again within the cooldown, and does after it', async () => {
    const { calls, tick, autoscaler, clock, status } = setup({ settings: { ...SETTINGS, max: 5 } });
    tick(90, 11);
    calls[0]!.release();
    await autoscaler.settled();
    const changedAt = status()!.lastChangeAt!;
    tick(90, 29);
    expect(calls).toHaveLength(1);
    tick(90);
    expect(clock.now() - changedAt).toBe(30_000);
    expect(calls.map((c) => c.count)).toEqual([2, 3]);
  });

  it('scales down by one when idle, but not below min', async () => {
    const { calls, tick, autoscaler } = setup({ instances: 3, settings: { ...SETTINGS, min: 2, cooldownMs: 0 } });
    tick(5, 11);
    expect(calls.map((c) => c.count)).toEqual([2]);
    calls[0]!.release();
    await autoscaler.settled();
    tick(5, 30);
    expect(calls).toHaveLength(1);
  });

  it('records a failed scale in the last decision, starts the cooldown and keeps evaluating other apps', async () => {
    const { calls, tick, autoscaler, status, logged } = setup({ apps: ['web', 'api'] });
    tick(90, 11);
    expect(calls.map((c) => c.app)).toEqual(['web', 'api']);
    calls[0]!.release(new Error('port range 3000-3000 is too small'));
    calls[1]!.release();
    await autoscaler.settled();
    expect(status('web')?.last?.reason).toBe('avg CPU 90% > 70% over 10s; scale failed: port range 3000-3000 is too small');
    expect(status('web')?.lastChangeAt).toBeDefined();
    expect(logged).toContain('autoscale web: scale to 2 failed: port range 3000-3000 is too small');
    tick(90, 29);
    expect(calls).toHaveLength(2);
    tick(90);
    expect(calls.map((c) => [c.app, c.count])).toEqual([['web', 2], ['api', 2], ['web', 2], ['api', 3]]);
  });

  it('reports being held at max once, without rewriting it on every evaluation', () => {
    const { calls, tick, store, status } = setup({ instances: 3 });
    tick(90, 11);
    expect(calls).toEqual([]);
    const refusal = status()?.last;
    expect(refusal).toMatchObject({ from: 3, to: 3, reason: 'avg CPU 90% > 70% over 10s; already at max 3' });
    let writes = 0;
    const unsubscribe = store.subscribe((s, before) => {
      if (s.apps.web?.autoscale !== before.apps.web?.autoscale) writes++;
    });
    tick(90, 5);
    unsubscribe();
    expect(status()?.last).toBe(refusal);
    expect(writes).toBe(0);
  });

  it('records the averages of every app in one store update per evaluation', () => {
    const { tick, store, autoscaler, status } = setup({ apps: ['web', 'api', 'db'] });
    tick(50, 3);
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    tick(40);
    expect(updates).toBe(2); // the sample, then the autoscaler
    expect([status('web')?.cpu, status('api')?.cpu, status('db')?.cpu]).toEqual([47.5, 47.5, 47.5]);
    autoscaler.evaluate();
    unsubscribe();
    expect(updates).toBe(2);
  });

  it('leaves alone apps without autoscale settings and apps with no online instance', () => {
    const plain = setup({ instances: 1, settings: undefined });
    plain.tick(95, 20);
    expect(plain.calls).toEqual([]);
    expect(plain.status()).toBeUndefined();
    const stopped = setup({ settings: { ...SETTINGS, min: 2 } });
    stopped.store.setState((s) => withApp(s, s.apps.web!.spec, [newInstance('web', 0)]), true);
    stopped.tick(95, 20);
    expect(stopped.calls).toEqual([]);
  });

  it('moves an app outside [min, max] to the bound at the first evaluation', () => {
    const { calls, autoscaler } = setup({ settings: { ...SETTINGS, min: 3, max: 4 } });
    autoscaler.evaluate();
    expect(calls.map((c) => c.count)).toEqual([3]);
  });

  it('evaluates on its own clock between start and stop', async () => {
    const { calls, clock, store, autoscaler } = setup({ settings: { ...SETTINGS, min: 2, cooldownMs: 0 } });
    autoscaler.start(1000);
    expect(calls).toEqual([]);
    clock.advance(1000);
    expect(calls.map((c) => c.count)).toEqual([2]);
    calls[0]!.release();
    await autoscaler.settled();
    autoscaler.stop();
    store.setState((s) => withApp(s, s.apps.web!.spec, [onlineInstance('web', 0)]), true);
    clock.advance(100_000);
    expect(calls).toHaveLength(1);
  });
});
