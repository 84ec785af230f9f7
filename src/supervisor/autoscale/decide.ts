import type { AutoscaleSpec } from '../../config/spec.js';
import { cpuAbove, cpuBelowHalf, memoryAbove, memoryBelowHalf, overWindow } from './reason-text.js';
import { windowAverages, windowCovered, type AutoscaleInput, type WindowAverages } from './window.js';

export type { AutoscaleInput, WindowAverages } from './window.js';

/** What the autoscaler should do: move to `to` (when `changed`), or report why it cannot. */
export interface AutoscaleVerdict {
  to: number;
  reason: string;
  changed: boolean;
}

/**
 * One autoscale decision (issue 5 §2), pure: nothing within the cooldown of the last change or
 * while no instance is online; a count outside [min, max] goes straight to the bound; otherwise,
 * once the window is covered, one up when the average CPU (or memory, when set) is above its
 * threshold, one down when CPU (and memory) are below half of theirs. Undefined = nothing to do.
 * Over the threshold at max gives a verdict with `changed: false`; idle at min is the steady state.
 */
export function decideAutoscale(input: AutoscaleInput): AutoscaleVerdict | undefined {
  const { spec, count, now, lastChangeAt } = input;
  // A stopped app is left alone: scaling it would start instances the operator stopped.
  if (input.histories.length === 0) return undefined;
  if (lastChangeAt !== undefined && now - lastChangeAt < spec.cooldownMs) return undefined;
  if (count < spec.min) return { to: spec.min, reason: `below min ${spec.min}`, changed: true };
  if (count > spec.max) return { to: spec.max, reason: `above max ${spec.max}`, changed: true };
  const averages = windowAverages(input);
  if (!averages || !windowCovered(input)) return undefined;
  const over = overThresholds(spec, averages);
  if (over !== undefined) {
    const reason = `avg ${over} ${overWindow(spec.windowMs)}`;
    if (count >= spec.max) return { to: count, reason: `${reason}; already at max ${spec.max}`, changed: false };
    return { to: count + 1, reason, changed: true };
  }
  const under = underHalfThresholds(spec, averages);
  if (under !== undefined && count > spec.min) return { to: count - 1, reason: `avg ${under} ${overWindow(spec.windowMs)}`, changed: true };
  return undefined;
}

function overThresholds(spec: AutoscaleSpec, avg: WindowAverages): string | undefined {
  const parts: string[] = [];
  if (avg.cpu > spec.cpuThreshold) parts.push(cpuAbove(avg.cpu, spec.cpuThreshold));
  if (spec.memoryThreshold !== undefined && avg.memory > spec.memoryThreshold) parts.push(memoryAbove(avg.memory, spec.memoryThreshold));
  return parts.length === 0 ? undefined : parts.join(' and ');
}

function underHalfThresholds(spec: AutoscaleSpec, avg: WindowAverages): string | undefined {
  if (!(avg.cpu < spec.cpuThreshold / 2)) return undefined;
  const cpu = cpuBelowHalf(avg.cpu, spec.cpuThreshold);
  if (spec.memoryThreshold === undefined) return cpu;
  if (!(avg.memory < spec.memoryThreshold / 2)) return undefined;
  return `${cpu}, ${memoryBelowHalf(avg.memory, spec.memoryThreshold)}`;
}
