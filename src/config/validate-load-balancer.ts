import { statSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseDuration } from './durations.js';
import { LOAD_BALANCER_FIELDS, unknownFieldProblems } from './fields.js';
import { attempt, invalidValue, type FieldProblem } from './problems.js';
import { SPEC_DEFAULTS, type LoadBalancerSpec, type LoadBalancerType, type PortSpec } from './spec.js';
import type { FieldLabel } from './validate-autoscale.js';
import { isRecord, readBoolean, readCount, readIdentifier, readText } from './values.js';

const FIELD = 'load_balancer';
const EXAMPLE = '{ "type": "nginx", "file": "/etc/nginx/conf.d/web.conf", "reload_cmd": "nginx -s reload" }';
const TYPES: readonly LoadBalancerType[] = ['nginx', 'haproxy'];
const BALANCE = new Map<string, NonNullable<LoadBalancerSpec['balance']>>([
  ['least_conn', 'least-conn'],
  ['least-conn', 'least-conn'],
  ['leastconn', 'least-conn'],
  ['round_robin', 'round-robin'],
  ['round-robin', 'round-robin'],
  ['roundrobin', 'round-robin'],
]);
const HOSTNAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*$/;
// Printable ASCII without spaces: the path goes verbatim into `option httpchk GET <path>`.
const HTTP_PATH_RE = /^\/[\x21-\x7e]*$/;
const URL_PATH_RE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i;
const HAPROXY_MAX_WEIGHT = 256;

/** The app a `load_balancer` belongs to, which supplies its defaults and what it is checked against. */
export interface LoadBalancerContext {
  /** The default upstream/backend name; undefined when the app's name is not known (then ''). */
  appName: string | undefined;
  /** The app's port setting; undefined when it was invalid (already reported), which skips the port check. */
  port: PortSpec | undefined;
  /** The directory a relative `file` resolves against (the config file's directory). */
  baseDir: string;
  /** The app's health check, raw or normalised: an http check's URL path is the default health_path. */
  healthCheck?: unknown;
}

/**
 * Validates an app's `load_balancer` object, recording every problem found. `fail_timeout` and
 * `check_interval` given as plain numbers are milliseconds, like other top-level durations.
 */
export function parseLoadBalancer(
  value: unknown,
  ctx: LoadBalancerContext,
  problems: FieldProblem[],
): LoadBalancerSpec | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push({ field: FIELD, text: invalidValue(FIELD, value, `use an object like ${EXAMPLE}`).message });
    return undefined;
  }
  problems.push(...unknownFieldProblems(value, LOAD_BALANCER_FIELDS, `${FIELD}.`));
  return readLoadBalancer(value, ctx, problems, (field) => `${FIELD}.${field}`, `"${FIELD}" is set`);
}

/**
 * Validates load-balancer settings given outside a file (e.g. `lb` flags, numbers as text) by the
 * same rules; `spec` is set only when there is no problem. `label` names the settings in messages.
 */
export function parseLoadBalancerSettings(
  raw: Record<string, unknown>,
  ctx: LoadBalancerContext,
  opts: { label?: FieldLabel } = {},
): { spec?: LoadBalancerSpec; problems: string[] } {
  const problems: FieldProblem[] = unknownFieldProblems(raw, LOAD_BALANCER_FIELDS);
  const spec = readLoadBalancer(raw, ctx, problems, opts.label ?? ((field) => field), 'a load balancer is asked for');
  return problems.length === 0 ? { spec, problems: [] } : { problems: problems.map((p) => p.text) };
}

/** The path (and query) of an http health check's URL; undefined when there is none or it differs per instance. */
export function healthCheckPath(check: unknown): string | undefined {
  if (!isRecord(check) || typeof check.url !== 'string') return undefined;
  const type = check.type ?? check.check_type;
  if (type !== undefined && type !== 'http') return undefined;
  const found = URL_PATH_RE.exec(check.url.trim())?.[1];
  if (found === undefined || found.includes('${') || !URL.canParse(`http://x${found}`)) return undefined;
  const url = new URL(`http://x${found}`);
  return url.pathname + url.search;
}

function readLoadBalancer(
  raw: Record<string, unknown>,
  ctx: LoadBalancerContext,
  problems: FieldProblem[],
  label: FieldLabel,
  subject: string,
): LoadBalancerSpec {
  if (ctx.port?.kind === 'none') {
    const text = `${subject} but the app has no "port"; the load balancer needs the instances' ports; set "port", e.g. "auto:3000-3099"`;
    problems.push({ field: FIELD, text });
  }
  const type = attempt<LoadBalancerType | undefined>(problems, () => readType(raw.type, label('type')), undefined);
  const file = attempt(problems, () => resolveFile(raw.file, label('file'), ctx.baseDir), undefined);
  const reloadCmd = attempt(problems, () => readText(raw.reload_cmd, label('reload_cmd')), undefined);
  if (reloadCmd !== undefined && raw.file === undefined) {
    const why = `it runs after the daemon rewrites "${label('file')}", which is not set; set "${label('file')}" too`;
    problems.push({ field: label('reload_cmd'), text: invalidValue(label('reload_cmd'), raw.reload_cmd, why).message });
  }
  const defaults = SPEC_DEFAULTS.loadBalancer;
  const count = (name: string, min: number, fallback: number): number =>
    attempt(problems, () => readCount(raw[name], label(name), { min, fallback }), fallback);
  const ms = (name: string, fallback: number): number =>
    attempt(problems, () => readMs(raw[name], label(name), fallback), fallback);
  const weight = count('weight', 1, defaults.weight);
  if (type === 'haproxy' && weight > HAPROXY_MAX_WEIGHT) {
    const why = `HAProxy weights go from 1 to ${HAPROXY_MAX_WEIGHT}`;
    problems.push({ field: label('weight'), text: invalidValue(label('weight'), raw.weight, why).message });
  }
  const balance = attempt(problems, () => readBalance(raw.balance, label('balance')), undefined);
  const healthPath = attempt(problems, () => readHealthPath(raw.health_path, label('health_path')), undefined);
  return {
    type: type ?? 'nginx',
    ...(file === undefined ? {} : { file }),
    ...(reloadCmd === undefined ? {} : { reloadCmd }),
    name: attempt(problems, () => readName(raw.name, label('name'), ctx.appName), ''),
    host: attempt(problems, () => readHost(raw.host, label('host')), defaults.host),
    ...(balance === undefined ? {} : { balance }),
    weight,
    // Kept in during restarts, an instance refuses connections for a moment: nginx must not count that.
    maxFails: count('max_fails', 0, raw.drain_on_restart === false ? 0 : defaults.maxFails),
    failTimeoutMs: ms('fail_timeout', defaults.failTimeoutMs),
    keepalive: count('keepalive', 0, defaults.keepalive),
    healthPath: healthPath ?? healthCheckPath(ctx.healthCheck) ?? defaults.healthPath,
    checkIntervalMs: ms('check_interval', defaults.checkIntervalMs),
    rise: count('rise', 1, defaults.rise),
    ...(raw.drain_on_restart === undefined ? {} : { drainOnRestart: attempt(problems, () => readBoolean(raw.drain_on_restart, label('drain_on_restart'), true), true) }),
  };
}

function readType(value: unknown, field: string): LoadBalancerType {
  const wanted = typeof value === 'string' ? value.trim().toLowerCase() : value;
  const found = TYPES.find((t) => t === wanted);
  if (found === undefined) throw invalidValue(field, value, 'use "nginx" or "haproxy"');
  return found;
}

function resolveFile(value: unknown, field: string, baseDir: string): string | undefined {
  const text = readText(value, field)?.trim();
  if (text === undefined) return undefined;
  const home = text === '~' || text.startsWith('~/') ? path.join(homedir(), text.slice(1)) : text;
  const full = path.resolve(baseDir, home);
  if (statSync(full, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw invalidValue(field, value, `${full} is a directory; name the file to write, e.g. ${path.join(full, 'upstream.conf')}`);
  }
  const dir = path.dirname(full);
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw invalidValue(field, value, `the directory ${dir} does not exist; create it or fix the path`);
  }
  return full;
}

function readName(value: unknown, field: string, appName: string | undefined): string {
  return value === undefined ? (appName ?? '') : readIdentifier(value, field);
}

function readHost(value: unknown, field: string): string {
  if (value === undefined) return SPEC_DEFAULTS.loadBalancer.host;
  const host = typeof value === 'string' ? value.trim() : '';
  if (isIP(host) === 0 && !HOSTNAME_RE.test(host)) {
    throw invalidValue(field, value, 'use the address the instances listen on, e.g. "127.0.0.1", "::1" or "localhost"');
  }
  return host;
}

function readBalance(value: unknown, field: string): LoadBalancerSpec['balance'] {
  if (value === undefined) return undefined;
  const found = typeof value === 'string' ? BALANCE.get(value.trim().toLowerCase()) : undefined;
  if (found === undefined) throw invalidValue(field, value, 'use "least_conn" or "round_robin"');
  return found;
}

function readMs(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value, { field, defaultUnit: 'ms' });
  if (ms < 1) throw invalidValue(field, value, 'use a duration greater than 0, e.g. "5s" or 5000 (milliseconds)');
  return ms;
}

function readHealthPath(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !HTTP_PATH_RE.test(value)) {
    throw invalidValue(field, value, 'use a URL path starting with "/", e.g. "/health" (no spaces; percent-encode others)');
  }
  return value;
}
