import { parseDuration, parseSize } from './durations.js';
import type { ConfigProblem } from './errors.js';
import { KNOWN_FIELDS, unknownFieldProblems } from './fields.js';
import { attempt, describeValue, invalidValue, problemPrefix, type FieldProblem } from './problems.js';
import { SPEC_DEFAULTS, type AppSpec } from './spec.js';
import { parseAutoscale } from './validate-autoscale.js';
import { defaultAppName, parseArgs, resolveCommand, resolveCwd, type Command } from './validate-command.js';
import { parseCpuAffinity, parseInstances } from './validate-cpus.js';
import { parseEnv, parseInstanceVar } from './validate-env.js';
import { parseHealthCheck } from './validate-health.js';
import { parseLoadBalancer } from './validate-load-balancer.js';
import { checkPortFits, parsePort } from './validate-ports.js';
import {
  NAME_CHARS,
  NAME_PATTERN,
  isRecord,
  readBoolean,
  readCount,
  readIdentifier,
  readSignal,
  readText,
} from './values.js';

/** Where a raw app comes from, so that paths resolve and messages say where. */
export interface AppContext {
  /** The file named at the start of every message; '' for none (e.g. CLI flags). */
  file: string;
  /** The directory relative `cwd` paths resolve against (the config file's directory). */
  baseDir: string;
  /** The CPU count behind "max", -1 and cpu_affinity checks. */
  cpus: number;
}

/** One validated app: the spec when it is valid, and every problem as a full message line. */
export interface AppResult {
  name: string | undefined;
  spec: AppSpec | undefined;
  problems: ConfigProblem[];
}

/** Validates one raw app object into an AppSpec, collecting every problem rather than stopping at the first. */
export function validateApp(
  raw: unknown,
  ctx: AppContext,
  opts: { index?: number; requireName: boolean },
): AppResult {
  const fallbackLabel = opts.index === undefined ? undefined : `app #${opts.index + 1}`;
  if (!isRecord(raw)) {
    const text = `the app is ${describeValue(raw)}; use an object like { "name": "web", "script": "server.js" }`;
    const message = problemPrefix(ctx.file, fallbackLabel) + text;
    return { name: undefined, spec: undefined, problems: [{ message }] };
  }
  const p: FieldProblem[] = unknownFieldProblems(raw, KNOWN_FIELDS);
  const shell = attempt(p, () => readBoolean(raw.shell, 'shell', false), false);
  const cwd = attempt<string | undefined>(p, () => resolveCwd(raw.cwd, ctx.baseDir), undefined);
  const args = attempt(p, () => parseArgs(raw.args), undefined);
  // Without a valid cwd only the presence of "script" can be checked, not the file.
  const resolve = (): Command => resolveCommand(raw.script, args, cwd ?? ctx.baseDir, shell || cwd === undefined);
  const command = attempt<Command | undefined>(p, resolve, undefined);
  const name = attempt(p, () => readName(raw.name, command, shell, opts.requireName), undefined);
  const interpreter = attempt(p, () => readInterpreter(raw.interpreter, shell), undefined);
  const instances = attempt(p, () => parseInstances(raw.instances, ctx.cpus), undefined);
  const port = attempt(p, () => parsePort(raw.port), undefined);
  if (port !== undefined && instances !== undefined) attempt(p, () => checkPortFits(port, instances.count), undefined);
  const ms = (field: string, fallback: number): number => {
    const read = (): number => parseDuration(raw[field], { field, defaultUnit: 'ms' });
    return raw[field] === undefined ? fallback : attempt(p, read, fallback);
  };
  const size = (field: string): number | undefined =>
    raw[field] === undefined ? undefined : attempt(p, () => parseSize(raw[field], { field }), undefined);
  const count = (field: string, min: number, fallback: number): number =>
    attempt(p, () => readCount(raw[field], field, { min, fallback }), fallback);
  const flag = (field: string, fallback: boolean): boolean =>
    attempt(p, () => readBoolean(raw[field], field, fallback), fallback);

  const spec: AppSpec = {
    name: name ?? '',
    script: command?.script ?? '',
    args: command?.args ?? [],
    interpreter,
    shell,
    cwd: cwd ?? ctx.baseDir,
    instancesSetting: instances?.setting ?? 1,
    instances: instances?.count ?? 1,
    execMode: attempt(p, () => readExecMode(raw.exec_mode), 'fork'),
    port: port ?? { kind: 'none' },
    env: parseEnv(raw.env, p),
    instanceVar: attempt(p, () => parseInstanceVar(raw.instance_var), undefined),
    mergeLogs: flag('merge_logs', false),
    autorestart: flag('autorestart', SPEC_DEFAULTS.autorestart),
    maxRestarts: count('max_restarts', 0, SPEC_DEFAULTS.maxRestarts),
    minUptimeMs: ms('min_uptime', SPEC_DEFAULTS.minUptimeMs),
    restartDelayMs: ms('restart_delay', SPEC_DEFAULTS.restartDelayMs),
    expBackoffRestartDelayMs: ms('exp_backoff_restart_delay', SPEC_DEFAULTS.expBackoffRestartDelayMs),
    killTimeoutMs: ms('kill_timeout', SPEC_DEFAULTS.killTimeoutMs),
    killSignal: attempt(p, () => readSignal(raw.kill_signal, 'kill_signal', SPEC_DEFAULTS.killSignal), 'SIGTERM'),
    maxMemoryBytes: size('max_memory_restart'),
    cpuAffinity: attempt(p, () => parseCpuAffinity(raw.cpu_affinity, ctx.cpus), undefined),
    namespace: attempt(p, () => readNamespace(raw.namespace), SPEC_DEFAULTS.namespace),
    healthCheck: parseHealthCheck(raw.health_check, port ?? { kind: 'none' }, p),
    logMaxBytes: size('log_max_size') ?? SPEC_DEFAULTS.logMaxBytes,
    logRetain: count('log_retain', 0, SPEC_DEFAULTS.logRetain),
    autoscale: parseAutoscale(raw.autoscale, port, p),
    loadBalancer: parseLoadBalancer(
      raw.load_balancer,
      { appName: name, port, baseDir: ctx.baseDir, healthCheck: raw.health_check },
      p,
    ),
  };
  const shownName = typeof raw.name === 'string' && raw.name !== '' ? raw.name : name;
  const label = shownName === undefined ? fallbackLabel : `app ${JSON.stringify(shownName)}`;
  const prefix = problemPrefix(ctx.file, label);
  const problems = p.map((fp): ConfigProblem => ({
    ...(shownName === undefined ? {} : { app: shownName }),
    ...(fp.field === undefined ? {} : { field: fp.field }),
    message: prefix + fp.text,
  }));
  return { name, spec: problems.length === 0 ? spec : undefined, problems };
}

function readName(value: unknown, command: Command | undefined, shell: boolean, required: boolean): string | undefined {
  if (value !== undefined) return readIdentifier(value, 'name');
  if (required) throw invalidValue('name', value, 'every app needs a unique "name" when the file has several apps');
  if (command === undefined) return undefined;
  const derived = defaultAppName(command, shell);
  if (!NAME_PATTERN.test(derived)) {
    const why = `the script name ${JSON.stringify(derived)} cannot be used as one; set "name" (${NAME_CHARS})`;
    throw invalidValue('name', value, why);
  }
  return derived;
}

function readNamespace(value: unknown): string {
  return value === undefined ? SPEC_DEFAULTS.namespace : readIdentifier(value, 'namespace');
}

function readInterpreter(value: unknown, shell: boolean): string | undefined {
  const interpreter = readText(value, 'interpreter');
  if (interpreter !== undefined && shell) {
    const why = 'it cannot be combined with "shell": true, which runs the script with /bin/sh';
    throw invalidValue('interpreter', value, why);
  }
  return interpreter;
}

function readExecMode(value: unknown): AppSpec['execMode'] {
  // PM2 files spell these "fork_mode" and "cluster_mode"; both spellings mean the same.
  if (value === undefined || value === 'fork' || value === 'fork_mode') return 'fork';
  if (value === 'cluster' || value === 'cluster_mode') return 'cluster';
  throw invalidValue('exec_mode', value, 'use "fork" or "cluster"');
}
