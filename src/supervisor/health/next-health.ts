import type { ProbeResult } from './probe-result.js';

/** Health of one instance as the supervisor tracks it. */
export type HealthStatus = 'unknown' | 'healthy' | 'unhealthy';

/** Health plus the count of consecutive failed probes. */
export interface HealthState {
  status: HealthStatus;
  failures: number;
}

/**
 * Folds one probe result into the health state: a success means healthy, `retries` failures in
 * a row mean unhealthy, and failures during the grace period after start do not count.
 */
export function nextHealth(state: HealthState, result: Pick<ProbeResult, 'ok'>, opts: { retries: number; inGrace: boolean }): HealthState {
  if (result.ok) return { status: 'healthy', failures: 0 };
  if (opts.inGrace) return state;
  const failures = state.failures + 1;
  return { status: failures >= Math.max(1, opts.retries) ? 'unhealthy' : state.status, failures };
}
