import { constants } from 'node:os';
import { invalidValue } from './problems.js';

/** App names and namespaces: what fits in a log file name and a CLI argument unquoted. */
export const NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const NAME_CHARS = '1-64 letters, digits, ".", "_" or "-"';
export const NAME_RULE = `use ${NAME_CHARS}`;

/** A plain `{...}` object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A boolean field; absent means `fallback`. */
export function readBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidValue(field, value, 'use true or false');
  return value;
}

/** A whole number >= `min` (a numeric string is accepted too, as CLI flags arrive as text). */
export function readCount(value: unknown, field: string, opts: { min: number; fallback: number }): number {
  if (value === undefined) return opts.fallback;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < opts.min) {
    throw invalidValue(field, value, `use a whole number of ${opts.min} or more`);
  }
  return n;
}

/** An optional non-empty string. */
export function readText(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw invalidValue(field, value, 'use a non-empty string');
  return value;
}

/** A name-like identifier (app name, namespace). */
export function readIdentifier(value: unknown, field: string): string {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) throw invalidValue(field, value, NAME_RULE);
  return value;
}

/** A real signal name; "TERM" and "sigterm" are read as "SIGTERM". */
export function readSignal(value: unknown, field: string, fallback: NodeJS.Signals): NodeJS.Signals {
  if (value === undefined) return fallback;
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    const name = upper.startsWith('SIG') ? upper : `SIG${upper}`;
    if (Object.hasOwn(constants.signals, name)) return name as NodeJS.Signals;
  }
  throw invalidValue(field, value, 'use a signal name like "SIGTERM", "SIGINT", "SIGQUIT" or "SIGUSR2"');
}
