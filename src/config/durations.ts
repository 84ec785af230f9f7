import type { ConfigError } from './errors.js';
import { invalidValue } from './problems.js';

/** The unit a plain number is read in: ms for top-level fields, s inside health_check. */
export type DurationUnit = 'ms' | 's';

const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_RE = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)?$/i;

const BYTES_PER_UNIT: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
// "512K", "512KB", "512KiB" and "512B" all mean what a user expects (binary units).
const SIZE_RE = /^(\d+(?:\.\d+)?|\.\d+)\s*(?:([kmgt])(?:i?b)?|b)?$/i;

/** Reads a duration (a number in `defaultUnit`, or "500ms", "10s", "2m", "1h") as whole milliseconds. */
export function parseDuration(value: unknown, opts: { field: string; defaultUnit: DurationUnit }): number {
  const unitName = opts.defaultUnit === 'ms' ? 'milliseconds' : 'seconds';
  const allowed = `use a number of ${unitName} or a string with a unit: "500ms", "10s", "2m", "1h"`;
  const fail = (): ConfigError => invalidValue(opts.field, value, allowed);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw fail();
    return Math.round(value * (MS_PER_UNIT[opts.defaultUnit] ?? 1));
  }
  if (typeof value !== 'string') throw fail();
  const match = DURATION_RE.exec(value.trim());
  if (!match) throw fail();
  const unit = (match[2] ?? opts.defaultUnit).toLowerCase();
  return Math.round(Number(match[1]) * (MS_PER_UNIT[unit] ?? 1));
}

/** Reads a size (bytes, or "512K", "600M", "1.5G" in binary units) as a positive whole number of bytes. */
export function parseSize(value: unknown, opts: { field?: string } = {}): number {
  const field = opts.field ?? 'size';
  const allowed = 'use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"';
  const fail = (): ConfigError => invalidValue(field, value, allowed);
  let bytes: number;
  if (typeof value === 'number') {
    bytes = value;
  } else if (typeof value === 'string') {
    const match = SIZE_RE.exec(value.trim());
    if (!match) throw fail();
    bytes = Number(match[1]) * (BYTES_PER_UNIT[(match[2] ?? '').toLowerCase()] ?? 1);
  } else {
    throw fail();
  }
  const rounded = Math.round(bytes);
  if (!Number.isFinite(rounded) || rounded <= 0) throw fail();
  return rounded;
}
