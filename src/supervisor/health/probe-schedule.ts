import type { HealthCheckSpec } from '../../config/spec.js';
import type { HealthStatus } from './next-health.js';

/** The first probe after a start, then each startup probe 1.5× later, up to the interval. */
export const STARTUP_PROBE_MS = 100;
const STARTUP_GROWTH = 1.5;
const STARTUP_MAX_MS = 1000;
/** However short the interval, a starting instance gets this long before its failures count. */
export const STARTUP_WINDOW_MS = 5000;

/**
 * When to probe next (pure). Until an instance has been healthy once since it started, it is in
 * its startup phase (the first `interval`, at least 5 s, after start): probed quickly, so rolling
 * restarts learn it is ready in ~100 ms instead of an interval; afterwards every `interval`.
 */
export function nextProbeDelay(check: Pick<HealthCheckSpec, 'intervalMs'>, state: { health: HealthStatus; sinceStartMs: number; attempt: number }): number {
  if (state.health !== 'unknown' || state.sinceStartMs >= check.intervalMs) return check.intervalMs;
  const delay = Math.min(STARTUP_PROBE_MS * STARTUP_GROWTH ** state.attempt, STARTUP_MAX_MS, check.intervalMs);
  return Math.round(delay);
}

/**
 * Whether failures do not count yet: during `grace` after start, and during the startup phase:
 * an app gets one interval, and at least 5 s, to come up (a loaded machine can take seconds to
 * start a process) before its failures count.
 */
export function failuresIgnored(check: Pick<HealthCheckSpec, 'intervalMs' | 'graceMs'>, state: { health: HealthStatus; sinceStartMs: number }): boolean {
  return state.sinceStartMs < check.graceMs || inStartup(check, state);
}

function inStartup(check: Pick<HealthCheckSpec, 'intervalMs'>, state: { health: HealthStatus; sinceStartMs: number }): boolean {
  return state.health === 'unknown' && state.sinceStartMs < Math.max(check.intervalMs, STARTUP_WINDOW_MS);
}
