import type { RollingProgress } from '../api/types.js';
import { systemClock } from '../lib/clock.js';
import { awaitReady, rollingRestart, type RollingOptions } from './rolling-restart.js';
import type { Supervisor } from './supervisor.js';

export interface ReloadOptions extends Omit<RollingOptions, 'ids'> {
  /** Move the app to this many instances as part of the reload. */
  instances?: number;
}

/**
 * A zero-downtime reload (issue 5 §1): a smaller count first removes the highest ids (each
 * drained from the load balancer before it stops); a larger one first adds the new instances and
 * waits until they are ready; then the instances that were already there restart a batch at a time.
 */
export async function rollingReload(sup: Supervisor, app: string, options: ReloadOptions = {}, onProgress: (step: RollingProgress) => void = () => {}): Promise<void> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const current = (sup.store.getState().apps[app]?.instances ?? []).map((i) => i.id);
  const target = options.instances ?? current.length;
  if (target < current.length) {
    for (const id of current.slice(target)) onProgress({ instance: id, phase: 'removing' });
    await sup.scale(app, target);
  }
  const old = current.slice(0, target);
  if (target > current.length) {
    const added = Array.from({ length: target - current.length }, (_, k) => current.length + k);
    for (const id of added) onProgress({ instance: id, phase: 'adding' });
    await sup.scale(app, target);
    await awaitReady(sup, app, added, { clock, timeoutMs, untouched: old }, onProgress);
  }
  await rollingRestart(sup, app, { ...options, ids: old }, onProgress);
}
