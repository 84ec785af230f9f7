import type { AutoscaleSpec } from '../config/spec.js';

/** Why settings that came over the socket are not a usable AutoscaleSpec, or undefined (pure). */
export function autoscaleProblem(s: AutoscaleSpec): string | undefined {
  const whole = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  const positive = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const duration = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!whole(s.min) || !whole(s.max)) return 'min and max must be whole numbers of instances, at least 1';
  if (s.max < s.min) return `max (${s.max}) must be at least min (${s.min})`;
  if (!positive(s.cpuThreshold)) return 'the CPU threshold must be a percentage above 0';
  if (s.memoryThreshold !== undefined && !positive(s.memoryThreshold)) return 'the memory threshold must be a size above 0';
  if (!duration(s.cooldownMs) || !duration(s.windowMs)) return 'cooldown and window must be durations (ms)';
  return undefined;
}
