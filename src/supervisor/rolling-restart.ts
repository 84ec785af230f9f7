import type { RollingProgress } from '../api/types.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { planRollingRestart, RollingRestartError } from './rolling-plan.js';
import type { Supervisor } from './supervisor.js';
import { waitReady } from './wait-ready.js';

export interface RollingOptions {
  batch?: number;
  /** How long each instance may take to become ready (default 60 s). */
  timeoutMs?: number;
  clock?: Clock;
  /** Stops the rollout before its next step; the instances not yet restarted stay as they were. */
  signal?: AbortSignal;
  /** The instances to restart (default: all of them). */
  ids?: readonly number[];
}

/**
 * Restarts an app's instances a batch at a time, each batch waiting until its instances are
 * ready (design §3) before the next; on a failure it stops and leaves the rest untouched.
 */
export async function rollingRestart(sup: Supervisor, app: string, options: RollingOptions = {}, onProgress: (step: RollingProgress) => void = () => {}): Promise<void> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const ids = options.ids ?? (sup.store.getState().apps[app]?.instances ?? []).map((i) => i.id);
  const steps = planRollingRestart(ids, options.batch);
  for (const [k, step] of steps.entries()) {
    if (options.signal?.aborted) {
      throw new RollingRestartError(app, step[0]!, 'aborted by the operator', steps.slice(k).flat().slice(1));
    }
    for (const id of step) onProgress({ instance: id, phase: 'restarting' });
    await Promise.all(step.map((id) => sup.restartApp(app, { instance: id })));
    for (const id of step) onProgress({ instance: id, phase: 'waiting' });
    await awaitReady(sup, app, step, { clock, timeoutMs, untouched: steps.slice(k + 1).flat() }, onProgress);
  }
}

/**
 * Waits until every instance of `ids` is ready and back in the load balancer (the next step may
 * stop others), then reports them ready; the first that is not fails the rollout.
 */
export async function awaitReady(
  sup: Supervisor,
  app: string,
  ids: readonly number[],
  opts: { clock: Clock; timeoutMs: number; untouched: readonly number[] },
  onProgress: (step: RollingProgress) => void,
): Promise<void> {
  const failures = await Promise.all(ids.map((id) => waitReady(sup.store, opts.clock, app, id, opts.timeoutMs)));
  const failed = failures.findIndex((why) => why !== undefined);
  if (failed !== -1) {
    const id = ids[failed]!;
    onProgress({ instance: id, phase: 'failed', detail: failures[failed] });
    throw new RollingRestartError(app, id, failures[failed]!, opts.untouched);
  }
  await sup.loadBalancerSettled(app);
  for (const id of ids) onProgress({ instance: id, phase: 'ready' });
}
