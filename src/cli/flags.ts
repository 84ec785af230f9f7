import { editDistance } from '../config/fields.js';
import { UsageError } from './exit-codes.js';

/** One flag a command accepts; the same table drives parsing, suggestions and `--help`. */
export interface FlagDef {
  /** Without the dashes: `instances` for `--instances`. */
  name: string;
  type: 'string' | 'boolean';
  /** May be given several times (`--env A=1 --env B=2`). */
  multiple?: boolean;
  /** Placeholder shown in help, e.g. `N|max|-1`. */
  value?: string;
  help: string;
}

/** A command line split by a command's flag table. */
export interface ParsedArgs {
  /** Every value of each string flag, in the order given. */
  values: ReadonlyMap<string, readonly string[]>;
  switches: ReadonlySet<string>;
  positionals: string[];
  /** The words after `--`, or undefined when there was no `--`. */
  rest: string[] | undefined;
}

// "-1" and "+2" are values (scale, instances), never flags.
const NUMBER_LIKE = /^[+-]\d+$/;

/** Splits `argv` by `defs`; an unknown or malformed flag is a UsageError naming the fix. */
export function parseFlags(argv: readonly string[], defs: readonly FlagDef[], command: string): ParsedArgs {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  let rest: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      rest = argv.slice(i + 1);
      break;
    }
    if (!word.startsWith('-') || word === '-' || NUMBER_LIKE.test(word)) {
      positionals.push(word);
      continue;
    }
    const long = word.startsWith('--');
    const body = word.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    const def = long ? byName.get(name) : undefined;
    if (!def) throw unknownFlag(`${long ? '--' : '-'}${name}`, defs, command);
    if (def.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value; write just --${name}`);
      switches.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = body.slice(eq + 1);
    else if (i + 1 < argv.length && argv[i + 1] !== '--') value = argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value: --${name} ${def.value ?? 'VALUE'}`);
    const seen = values.get(name) ?? [];
    if (seen.length > 0 && !def.multiple) throw new UsageError(`--${name} is given twice ("${seen[0]}" and "${value}"); give it once`);
    values.set(name, [...seen, value]);
  }
  return { values, switches, positionals, rest };
}

/** The value of a single-valued string flag, if given. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.[0];
}

/** Every value of a repeatable flag. */
export function flagValues(args: ParsedArgs, name: string): readonly string[] {
  return args.values.get(name) ?? [];
}

export function hasSwitch(args: ParsedArgs, name: string): boolean {
  return args.switches.has(name);
}

/** True when `argv` asks for help before any `--`. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((w) => w === '--help' || w === '-h');
}

function unknownFlag(written: string, defs: readonly FlagDef[], command: string): UsageError {
  const bare = written.replace(/^--?/, '');
  const near = nearestName(bare, defs.map((d) => d.name));
  const hint = near === undefined ? `run "pmdaemon ${command} --help" for its flags` : `did you mean "--${near}"?`;
  return new UsageError(`unknown flag "${written}" for "${command}"; ${hint}`);
}

/** The name closest to a misspelt one (a typo, or a prefix of exactly one flag). */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const prefixed = known.filter((k) => name.length >= 2 && k.startsWith(name));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= limit ? best : undefined;
}
