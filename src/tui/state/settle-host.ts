import type { HostMetrics } from '../../supervisor/types.js';

/**
 * How far a host figure must move before the header shows the new value. Load is the 1-minute
 * average only: on a quiet host it wanders by ~0.1-0.2, and after a burst it decays for minutes.
 */
export const HOST_NOISE = { cpuPoints: 5, memoryShare: 0.01, loadShare: 0.1, loadMin: 0.25 } as const;

/**
 * The host figures the header shows: the previous ones until a figure moves by more than noise
 * (pure). The sampler's second-to-second jitter would otherwise redraw the header every second
 * on a cluster where nothing happens.
 */
export function settleHost(shown: HostMetrics | null, next: HostMetrics | null): HostMetrics | null {
  if (shown === null || next === null || shown === next) return next;
  if (shown.cpus !== next.cpus || shown.memTotal !== next.memTotal) return next;
  if (Math.abs(next.cpu - shown.cpu) >= HOST_NOISE.cpuPoints) return next;
  if (Math.abs(next.memUsed - shown.memUsed) >= next.memTotal * HOST_NOISE.memoryShare) return next;
  const [load, shownLoad] = [next.load[0], shown.load[0]];
  return Math.abs(load - shownLoad) >= Math.max(HOST_NOISE.loadMin, shownLoad * HOST_NOISE.loadShare) ? next : shown;
}
