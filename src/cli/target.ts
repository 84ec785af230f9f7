import type { Target } from '../api/types.js';
import { UsageError } from './exit-codes.js';
import { flagValue, type FlagDef, type ParsedArgs } from './flags.js';

/** Reads `--instance` as an instance id. */
export function parseInstance(args: ParsedArgs): number | undefined {
  const text = flagValue(args, 'instance');
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--instance "${text}" is not an instance id; use a whole number like 0`);
  return Number(text);
}

/** `<app|all> [--instance i]` as a Target; `all` with `--instance` is a usage error. */
export function parseTarget(args: ParsedArgs, usage: string): Target {
  const [app, ...extra] = args.positionals;
  if (app === undefined) throw new UsageError(`missing app name; usage: pmdaemon ${usage}`);
  if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}"; usage: pmdaemon ${usage}`);
  const instance = parseInstance(args);
  if (instance === undefined) return { app };
  if (app === 'all') throw new UsageError('--instance cannot be used with "all"; name one app');
  return { app, instance };
}

/** A whole number flag (e.g. `--lines`, `--batch`) at least `min`, or undefined when absent. */
export function parseCountFlag(args: ParsedArgs, name: string, min: number): number | undefined {
  const text = flagValue(args, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} "${text}" is not a whole number of ${min} or more`);
  return Number(text);
}

/** The apps a target addresses, for showing their rows afterwards. */
export function rowsOf<T extends { app: string; instance: number }>(rows: readonly T[], target: Target): T[] {
  return rows.filter((r) => (target.app === 'all' || r.app === target.app) && (target.instance === undefined || r.instance === target.instance));
}

/** The `--instance` flag of commands that address one instance. */
export const INSTANCE_FLAG: FlagDef = { name: 'instance', type: 'string', value: 'ID', help: 'only this instance (0, 1, …)' };
