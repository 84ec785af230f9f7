import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildAppSpec } from '../../config/build-specs.js';
import { ConfigError } from '../../config/errors.js';
import type { AppSpec } from '../../config/spec.js';
import { UsageError } from '../exit-codes.js';
import { flagValue, type ParsedArgs } from '../flags.js';
import { configErrorInFlags } from './flag-errors.js';
import { givenSpecFlags, rawAppFromFlags } from './flags-to-raw.js';

/** True when `start`'s argument is an ecosystem file rather than a script or command. */
export function isConfigFile(what: string): boolean {
  return /\.json5?$/i.test(what.trim());
}

/** The apps of an ecosystem file (`--only a,b` keeps some); spec flags cannot be combined with a file. */
export async function specsFromFile(file: string, args: ParsedArgs, cwd: string): Promise<AppSpec[]> {
  const flags = givenSpecFlags(args);
  if (flags.length > 0 || args.rest !== undefined) {
    const what = flags[0] ?? '"-- args"';
    throw new UsageError(`${what} cannot be combined with an ecosystem file; set it in ${file}`);
  }
  const only = flagValue(args, 'only')?.split(',').map((s) => s.trim()).filter(Boolean);
  // The file reader (json5) loads only here: a quoted command starts without it.
  const { loadConfigFile } = await import('../../config/load-config.js');
  return loadConfigFile(path.resolve(cwd, file), { cpus: availableParallelism(), ...(only ? { only } : {}) });
}

/** The one app that `start "<command>" [flags] [-- args]` describes, validated like a config file. */
export function specFromFlags(command: string, args: ParsedArgs, cwd: string): AppSpec {
  if (flagValue(args, 'only') !== undefined) throw new UsageError('--only applies to an ecosystem file (.json or .json5)');
  const raw = rawAppFromFlags(command, args);
  try {
    return buildAppSpec(raw, { file: '', baseDir: path.resolve(cwd), cpus: availableParallelism() });
  } catch (err) {
    throw err instanceof ConfigError ? configErrorInFlags(err) : err;
  }
}
