import path from 'node:path';
import type { AppSpec } from '../config/spec.js';
import { interpolate, type InstanceVars } from './instance-env.js';

export interface Command {
  file: string;
  args: string[];
}

const INTERPRETERS: Readonly<Record<string, string>> = {
  '.js': process.execPath,
  '.mjs': process.execPath,
  '.cjs': process.execPath,
  '.py': 'python3',
  '.sh': 'bash',
};

type CommandSpec = Pick<AppSpec, 'script' | 'args' | 'interpreter' | 'shell' | 'cpuAffinity'>;

/** The argv that starts one instance: interpreter by extension, optional shell and CPU pinning. */
export function instanceCommand(spec: CommandSpec, vars: InstanceVars): Command {
  const args = spec.args.map((arg) => interpolate(arg, vars));
  const base = spec.shell
    ? { file: '/bin/sh', args: ['-c', [interpolate(spec.script, vars), ...args.map(shellQuote)].join(' ')] }
    : direct(spec, args);
  const cpus = spec.cpuAffinity;
  if (!cpus || cpus.length === 0) return base;
  const cpu = cpus[vars.id % cpus.length];
  return { file: 'taskset', args: ['-c', String(cpu), base.file, ...base.args] };
}

function direct(spec: CommandSpec, args: string[]): Command {
  const interpreter = spec.interpreter ?? INTERPRETERS[path.extname(spec.script).toLowerCase()];
  // PM2's interpreter "none" means: execute the script itself.
  if (interpreter === undefined || interpreter === 'none') return { file: spec.script, args };
  const file = interpreter === 'node' ? process.execPath : interpreter;
  return { file, args: [spec.script, ...args] };
}

/** Quotes one word for /bin/sh so it stays one word. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
