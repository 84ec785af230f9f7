import { CommandSyntaxError, splitCommand } from '../../lib/argv.js';
import { UsageError } from '../exit-codes.js';
import { flagValue, flagValues, hasSwitch, type ParsedArgs } from '../flags.js';
import { SPEC_FLAGS } from './start-flags.js';

/** The spec flags that were given, as `--name` words (to say what cannot be combined with what). */
export function givenSpecFlags(args: ParsedArgs): string[] {
  return SPEC_FLAGS.filter((f) => args.values.has(f.name) || args.switches.has(f.name)).map((f) => `--${f.name}`);
}

/**
 * The raw ecosystem object that `start "<command>" [flags] [-- args]` describes (pure): the same
 * field names as a config file, so buildAppSpec validates flags exactly like a file.
 */
export function rawAppFromFlags(command: string, args: ParsedArgs): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const dashArgs = args.rest ?? [];
  if (hasSwitch(args, 'shell')) {
    raw.script = command;
    if (dashArgs.length > 0) raw.args = [...dashArgs];
  } else {
    const [script, ...words] = splitWords(command);
    if (script === undefined) throw new UsageError('the command is empty; give a script or a quoted command, e.g. pmdaemon start "node server.js"');
    raw.script = script;
    if (words.length + dashArgs.length > 0) raw.args = [...words, ...dashArgs];
  }
  const health: Record<string, unknown> = {};
  for (const flag of SPEC_FLAGS) {
    if (flag.name === 'shell' || flag.name === 'env') continue;
    const value = flag.type === 'boolean' ? (hasSwitch(args, flag.name) ? flag.name !== 'no-autorestart' : undefined) : flagValue(args, flag.name);
    if (value === undefined) continue;
    if (flag.field.startsWith('health_check.')) health[flag.field.slice('health_check.'.length)] = value;
    else raw[flag.field] = value;
  }
  if (hasSwitch(args, 'shell')) raw.shell = true;
  const env = parseEnvFlags(flagValues(args, 'env'));
  if (env) raw.env = env;
  if (Object.keys(health).length > 0) raw.health_check = checkHealthFlags(health);
  return raw;
}

function splitWords(command: string): string[] {
  try {
    return splitCommand(command);
  } catch (err) {
    if (!(err instanceof CommandSyntaxError)) throw err;
    throw new UsageError(`cannot split the command ${JSON.stringify(command)}: ${err.reason}; close the quote or escape it`, { cause: err });
  }
}

/** `--env K=V` flags as an env object; a flag without "=" is a usage error. */
export function parseEnvFlags(values: readonly string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const env: Record<string, string> = {};
  for (const text of values) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env ${JSON.stringify(text)} is not K=V; write e.g. --env NODE_ENV=production`);
    env[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return env;
}

function checkHealthFlags(health: Record<string, unknown>): Record<string, unknown> {
  if (health.url !== undefined && health.command !== undefined) {
    throw new UsageError('--health-url and --health-cmd cannot be combined; give one of them');
  }
  if (health.url === undefined && health.command === undefined) {
    const given = Object.keys(health).map((k) => `--health-${k}`).join(', ');
    throw new UsageError(`${given} needs a check: add --health-url URL or --health-cmd COMMAND`);
  }
  return health;
}
