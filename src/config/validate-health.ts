import { parseDuration } from './durations.js';
import { HEALTH_CHECK_FIELDS, unknownFieldProblems } from './fields.js';
import { attempt, invalidValue, type FieldProblem } from './problems.js';
import { SPEC_DEFAULTS, type HealthCheckSpec, type HealthCheckType, type PortSpec } from './spec.js';
import { isRecord, readCount } from './values.js';

const FIELD = 'health_check';
const TYPES: readonly HealthCheckType[] = ['http', 'tcp', 'script'];

/** Validates `health_check` (plain-number durations are seconds), recording every problem found. */
export function parseHealthCheck(
  value: unknown,
  port: PortSpec,
  problems: FieldProblem[],
): HealthCheckSpec | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    const allowed = 'use an object like { "check_type": "http", "url": "http://127.0.0.1:${PORT}/health" }';
    problems.push({ field: FIELD, text: invalidValue(FIELD, value, allowed).message });
    return undefined;
  }
  problems.push(...unknownFieldProblems(value, HEALTH_CHECK_FIELDS, `${FIELD}.`));
  // With an unreadable check_type, checks of url/command would only add noise.
  const type = attempt<HealthCheckType | undefined>(problems, () => readCheckType(value), undefined);
  const url = type && attempt(problems, () => readUrl(value.url, type, port), undefined);
  const command = type && attempt(problems, () => readCommand(value.command, type), undefined);
  if (type === 'tcp' && port.kind === 'none') {
    const text = `"${FIELD}.check_type" is "tcp" but the app has no "port"; set "port" or use check_type "http" or "script"`;
    problems.push({ field: `${FIELD}.check_type`, text });
  }
  const defaults = SPEC_DEFAULTS.health;
  const seconds = (name: string, fallback: number, minMs: number): number =>
    attempt(problems, () => readSeconds(value[name], name, fallback, minMs), fallback);
  const retries = (): number => readCount(value.retries, `${FIELD}.retries`, { min: 1, fallback: defaults.retries });
  return {
    type: type ?? 'http',
    ...(url === undefined ? {} : { url }),
    ...(command === undefined ? {} : { command }),
    timeoutMs: seconds('timeout', defaults.timeoutMs, 1),
    intervalMs: seconds('interval', defaults.intervalMs, 1),
    retries: attempt(problems, retries, defaults.retries),
    graceMs: seconds('grace', defaults.graceMs, 0),
  };
}

function readCheckType(check: Record<string, unknown>): HealthCheckType {
  const value = check.check_type;
  // Infer the obvious type so the common forms stay short.
  if (value === undefined && check.url !== undefined) return 'http';
  if (value === undefined && check.command !== undefined) return 'script';
  const found = TYPES.find((t) => t === value);
  if (found === undefined) {
    throw invalidValue(`${FIELD}.check_type`, value, 'use "http" (with "url"), "tcp" or "script" (with "command")');
  }
  return found;
}

function readUrl(value: unknown, type: HealthCheckType, port: PortSpec): string | undefined {
  const field = `${FIELD}.url`;
  if (type !== 'http') {
    if (value !== undefined) throw invalidValue(field, value, '"url" is only used when check_type is "http"; remove it');
    return undefined;
  }
  const example = 'use an http(s) URL like "http://127.0.0.1:${PORT}/health"';
  if (typeof value !== 'string') throw invalidValue(field, value, example);
  if (value.includes('${PORT}') && port.kind === 'none') {
    throw invalidValue(field, value, 'it uses ${PORT} but the app has no "port"; set "port" or write the port number');
  }
  // ${PORT} and ${INSTANCE_ID} are filled in per instance at run time; check the rest now.
  const sample = value.replaceAll('${PORT}', '1').replaceAll('${INSTANCE_ID}', '0');
  if (!URL.canParse(sample) || !['http:', 'https:'].includes(new URL(sample).protocol)) {
    throw invalidValue(field, value, example);
  }
  return value;
}

function readCommand(value: unknown, type: HealthCheckType): string | undefined {
  const field = `${FIELD}.command`;
  if (type !== 'script') {
    const why = '"command" is only used when check_type is "script"; remove it';
    if (value !== undefined) throw invalidValue(field, value, why);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    const allowed = 'use a shell command that exits 0 when healthy, e.g. "curl -fs http://127.0.0.1:${PORT}/"';
    throw invalidValue(field, value, allowed);
  }
  return value;
}

function readSeconds(value: unknown, name: string, fallback: number, minMs: number): number {
  if (value === undefined) return fallback;
  const field = `${FIELD}.${name}`;
  const ms = parseDuration(value, { field, defaultUnit: 's' });
  if (ms < minMs) throw invalidValue(field, value, 'use a duration greater than 0, e.g. 5 (seconds) or "500ms"');
  return ms;
}
