import type { Clock } from '../lib/clock.js';
import { probeTcp } from './health/index.js';
import type { SupervisorStore } from './store.js';
import { getInstance } from './store.js';
import type { InstanceState } from './types.js';

/** Resolves once `check` returns a value (not undefined) for the state, or with undefined at the deadline. */
export function waitForState<T>(store: SupervisorStore, clock: Clock, check: (i: InstanceState | undefined) => T | undefined, instance: { app: string; id: number }, timeoutMs: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const read = (): T | undefined => check(getInstance(store.getState(), instance.app, instance.id));
    const now = read();
    if (now !== undefined) return resolve(now);
    const timer = clock.setTimeout(() => {
      off();
      resolve(undefined);
    }, timeoutMs);
    const off = store.subscribe(() => {
      const value = read();
      if (value === undefined) return;
      clock.clearTimeout(timer);
      off();
      resolve(value);
    });
  });
}

/**
 * Waits until a (re)started instance is ready, as design §3 says: healthy when it has a health
 * check; otherwise listening on its port; otherwise still up after min_uptime. Returns why not.
 */
export async function waitReady(store: SupervisorStore, clock: Clock, app: string, id: number, timeoutMs: number): Promise<string | undefined> {
  const spec = store.getState().apps[app]?.spec;
  if (!spec) return 'the app was deleted';
  const deadline = clock.now() + timeoutMs;
  const online = await waitForState(store, clock, (i) => (i?.status === 'online' ? i : i?.status === 'errored' ? i : undefined), { app, id }, timeoutMs);
  if (!online) return `not online within ${timeoutMs} ms`;
  if (online.status === 'errored') return online.reason ?? 'errored';
  const left = (): number => Math.max(0, deadline - clock.now());
  if (spec.healthCheck) {
    const healthy = await waitForState(store, clock, (i) => (!i || i.pid !== online.pid ? 'gone' : i.health === 'healthy' ? 'ok' : undefined), { app, id }, left());
    if (healthy === 'ok') return undefined;
    const last = getInstance(store.getState(), app, id)?.lastHealth?.message;
    return healthy === 'gone' ? whyGone(store, app, id, online.pid) : `not healthy within ${timeoutMs} ms${last ? ` (last check: ${last})` : ''}`;
  }
  if (online.port !== undefined) {
    for (;;) {
      const probe = await probeTcp('127.0.0.1', online.port, Math.min(500, left() || 1));
      if (probe.ok) return undefined;
      if (getInstance(store.getState(), app, id)?.pid !== online.pid) return 'it exited before listening on its port';
      if (left() === 0) return `not listening on port ${online.port} within ${timeoutMs} ms (${probe.message})`;
      await new Promise((r) => clock.setTimeout(() => r(undefined), 50));
    }
  }
  const exited = await waitForState(store, clock, (i) => (i?.pid !== online.pid ? 'gone' : undefined), { app, id }, Math.min(spec.minUptimeMs, left()));
  return exited ? `it exited within min_uptime (${spec.minUptimeMs} ms)` : undefined;
}

/** Why the process `pid` went while it was awaited: its recorded exit, when there is one. */
function whyGone(store: SupervisorStore, app: string, id: number, pid: number | undefined): string {
  const exit = getInstance(store.getState(), app, id)?.exits.at(-1);
  if (!exit || pid === undefined) return 'it exited while waiting to be healthy';
  // An unhealthy restart is pmdaemon's own doing: say so rather than "it exited".
  if (exit.reason === 'unhealthy') return `it was restarted as ${exit.detail ?? 'unhealthy'} before it became healthy`;
  return `it exited (${exit.detail ?? exit.reason}) before it became healthy`;
}
