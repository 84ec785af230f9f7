import type { AutoscaleSpec } from '../../config/spec.js';
import { MAX_HISTORY, type MetricSample } from '../types.js';

/** What one autoscale evaluation looks at (design §2: pure input, time passed in). */
export interface AutoscaleInput {
  spec: AutoscaleSpec;
  /** The app's instance count now, whatever their status. */
  count: number;
  /** The metric history of each online instance. */
  histories: readonly (readonly MetricSample[])[];
  now: number;
  /** When the autoscaler last changed the count; undefined = never. */
  lastChangeAt?: number;
}

/** Averages per online instance over the window: CPU in % of one core, memory in bytes. */
export interface WindowAverages {
  cpu: number;
  memory: number;
}

/** The window's start: samples after it count, and never one from before the last change. */
export function windowStart(input: AutoscaleInput): number {
  const start = input.now - input.spec.windowMs;
  return input.lastChangeAt === undefined ? start : Math.max(start, input.lastChangeAt);
}

/**
 * Each online instance's mean over the window, averaged across the instances that have a sample
 * in it (one just started has none yet); undefined when no instance has one.
 */
export function windowAverages(input: AutoscaleInput): WindowAverages | undefined {
  const since = windowStart(input);
  const means: WindowAverages[] = [];
  for (const history of input.histories) {
    const inWindow = history.filter((s) => s.at > since && s.at <= input.now);
    if (inWindow.length > 0) means.push({ cpu: mean(inWindow.map((s) => s.cpu)), memory: mean(inWindow.map((s) => s.memory)) });
  }
  if (means.length === 0) return undefined;
  return { cpu: mean(means.map((m) => m.cpu)), memory: mean(means.map((m) => m.memory)) };
}

/**
 * True when a decision may rest on the window: no change happened inside it, and the samples
 * reach back to its start (or the history is full, so it cannot reach further).
 */
export function windowCovered(input: AutoscaleInput): boolean {
  const start = input.now - input.spec.windowMs;
  if (input.lastChangeAt !== undefined && input.lastChangeAt > start) return false;
  return input.histories.some((h) => h.length >= MAX_HISTORY || (h[0] !== undefined && h[0].at <= start));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
