import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { CommandSyntaxError, splitCommand } from '../lib/argv.js';
import { ConfigError } from './errors.js';
import { invalidValue } from './problems.js';

/** What a spec runs: the program (absolute when it is a file) and its arguments. */
export interface Command {
  script: string;
  args: string[];
}

/** Extensions that say "this is a script file", so a missing one is a mistake, not a PATH program. */
export const SCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.py', '.sh'];

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(homedir(), p.slice(1)) : p;
}

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The absolute working directory: `cwd` resolved against the config file's directory. */
export function resolveCwd(value: unknown, baseDir: string): string {
  if (value === undefined) return baseDir;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidValue('cwd', value, "use a directory path, absolute or relative to the config file's directory");
  }
  const dir = path.resolve(baseDir, expandHome(value));
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat === undefined) throw invalidValue('cwd', value, `${dir} does not exist; create it or fix the path`);
  if (!stat.isDirectory()) throw invalidValue('cwd', value, `${dir} is not a directory`);
  return dir;
}

/** `args` as an array of strings, or a string split like a shell would (without one). */
export function parseArgs(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return split(value, 'args');
  if (Array.isArray(value) && value.every((a) => ['string', 'number', 'boolean'].includes(typeof a))) {
    return value.map(String);
  }
  const allowed = 'use an array of strings like ["--port", "${PORT}"] or one string "--port ${PORT}"';
  throw invalidValue('args', value, allowed);
}

function split(text: string, field: string): string[] {
  try {
    return splitCommand(text);
  } catch (err) {
    if (!(err instanceof CommandSyntaxError)) throw err;
    const message = `"${field}" is ${JSON.stringify(text)}; ${err.reason}; close the quote or escape it with a backslash`;
    throw new ConfigError(message, { field, cause: err });
  }
}

/**
 * Resolves `script` (+ `args`) against `cwd`: an existing file becomes absolute; "python3 worker.py"
 * is split into program and arguments; a missing script file is an error; anything else is a
 * program looked up on PATH. With `shell`, the script is a shell command line and kept as written.
 */
export function resolveCommand(script: unknown, args: string[] | undefined, cwd: string, shell: boolean): Command {
  const example = 'the program or script to run, e.g. "server.js" or "python3 worker.py"';
  if (script === undefined) throw invalidValue('script', script, `set it to ${example}`);
  if (typeof script !== 'string' || script.trim() === '') throw invalidValue('script', script, `use ${example}`);
  const written = script.trim();
  if (shell) return { script: written, args: args ?? [] };
  const direct = path.resolve(cwd, expandHome(written));
  if (isFile(direct)) return { script: direct, args: args ?? [] };
  if (!/\s/.test(written)) return { script: resolveProgram(written, written, cwd), args: args ?? [] };
  const [program = '', ...rest] = split(written, 'script');
  return { script: resolveProgram(program, written, cwd), args: [...rest, ...(args ?? [])] };
}

function resolveProgram(program: string, written: string, cwd: string): string {
  const full = path.resolve(cwd, expandHome(program));
  if (isFile(full)) return full;
  // A known script extension or a path with "/" can never be found on PATH.
  if (SCRIPT_EXTENSIONS.includes(path.extname(program).toLowerCase()) || program.includes('/')) {
    throw invalidValue('script', written, `${full} does not exist; fix the path or "cwd"`);
  }
  return program;
}

/** The name an app gets when a lone app has none: its script file's name without extension. */
export function defaultAppName(command: Command, shell: boolean): string {
  const words = shell ? safeSplit(command.script) : [command.script, ...command.args];
  const scriptWord = words.find((w) => SCRIPT_EXTENSIONS.includes(path.extname(w).toLowerCase()));
  return path.parse(scriptWord ?? words[0] ?? command.script).name;
}

function safeSplit(line: string): string[] {
  try {
    return splitCommand(line);
  } catch {
    return [line];
  }
}
