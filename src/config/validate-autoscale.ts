import { parseDuration, parseSize } from './durations.js';
import { ConfigError } from './errors.js';
import { AUTOSCALE_FIELDS, unknownFieldProblems } from './fields.js';
import { attempt, describeValue, invalidValue, type FieldProblem } from './problems.js';
import { SPEC_DEFAULTS, type AutoscaleSpec, type PortSpec } from './spec.js';
import { formatPort } from './validate-ports.js';
import { isRecord, readCount } from './values.js';

const FIELD = 'autoscale';
const EXAMPLE = '{ "min": 2, "max": 8, "cpu_threshold": 70 }';
const PERCENT_RE = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/;
const CPU_RULE = 'use a CPU percentage greater than 0 (of one core, averaged per instance), e.g. 70 or "70%"';
const MAX_PORT = 65_535;

/** How a message names a setting: "autoscale.min" in a file, "--min" for CLI flags. */
export type FieldLabel = (field: string) => string;

/**
 * Validates an app's `autoscale` object, recording every problem found. Plain-number durations
 * are milliseconds, like other top-level durations. `port` undefined (it was invalid, already
 * reported) skips the check that the port setting can hold `max` instances.
 */
export function parseAutoscale(
  value: unknown,
  port: PortSpec | undefined,
  problems: FieldProblem[],
): AutoscaleSpec | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push({ field: FIELD, text: invalidValue(FIELD, value, `use an object like ${EXAMPLE}`).message });
    return undefined;
  }
  problems.push(...unknownFieldProblems(value, AUTOSCALE_FIELDS, `${FIELD}.`));
  return readAutoscale(value, port, problems, (field) => `${FIELD}.${field}`);
}

/**
 * Validates autoscale settings given outside a file (e.g. the `autoscale` command's flags, with
 * numbers as text like "2", "70%", "512M", "30s") by the same rules; `spec` is set only when there
 * is no problem. `label` names the settings in messages (default: the snake_case field name).
 */
export function parseAutoscaleSettings(
  raw: Record<string, unknown>,
  port: PortSpec,
  opts: { label?: FieldLabel } = {},
): { spec?: AutoscaleSpec; problems: string[] } {
  const problems: FieldProblem[] = unknownFieldProblems(raw, AUTOSCALE_FIELDS);
  const spec = readAutoscale(raw, port, problems, opts.label ?? ((field) => field));
  return problems.length === 0 ? { spec, problems: [] } : { problems: problems.map((p) => p.text) };
}

function readAutoscale(
  raw: Record<string, unknown>,
  port: PortSpec | undefined,
  problems: FieldProblem[],
  label: FieldLabel,
): AutoscaleSpec {
  const min = attempt(problems, () => readBound(raw.min, label('min'), 'the fewest instances to run'), undefined);
  const max = attempt(problems, () => readBound(raw.max, label('max'), 'the most instances to run'), undefined);
  if (min !== undefined && max !== undefined && max < min) {
    const fix = `it must be at least "${label('min')}" (${min}); raise "${label('max')}" or lower "${label('min')}"`;
    problems.push({ field: label('max'), text: invalidValue(label('max'), raw.max, fix).message });
  }
  if (max !== undefined && port !== undefined) {
    attempt(problems, () => checkPortHolds(port, max, raw.max, label('max')), undefined);
  }
  const cpuThreshold = attempt(problems, () => readPercent(raw.cpu_threshold, label('cpu_threshold')), undefined);
  const memory = raw.memory_threshold;
  const memoryThreshold =
    memory === undefined ? undefined : attempt(problems, () => parseSize(memory, { field: label('memory_threshold') }), undefined);
  const defaults = SPEC_DEFAULTS.autoscale;
  const ms = (name: string, fallback: number, minMs: number): number =>
    attempt(problems, () => readMs(raw[name], label(name), fallback, minMs), fallback);
  return {
    min: min ?? 1,
    max: Math.max(max ?? 1, min ?? 1),
    cpuThreshold: cpuThreshold ?? 0,
    ...(memoryThreshold === undefined ? {} : { memoryThreshold }),
    cooldownMs: ms('cooldown', defaults.cooldownMs, 0),
    windowMs: ms('window', defaults.windowMs, 1),
  };
}

function readBound(value: unknown, field: string, what: string): number {
  if (value === undefined) throw invalidValue(field, value, `set it to ${what}, a whole number of 1 or more`);
  return readCount(value, field, { min: 1, fallback: 1 });
}

function readPercent(value: unknown, field: string): number {
  const text = typeof value === 'string' ? PERCENT_RE.exec(value.trim())?.[1] : undefined;
  const n = typeof value === 'number' ? value : text === undefined ? NaN : Number(text);
  if (!Number.isFinite(n) || n <= 0) throw invalidValue(field, value, CPU_RULE);
  return n;
}

function readMs(value: unknown, field: string, fallback: number, minMs: number): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value, { field, defaultUnit: 'ms' });
  if (ms < minMs) throw invalidValue(field, value, 'use a duration greater than 0, e.g. "10s" or 5000 (milliseconds)');
  return ms;
}

/** Throws when the port setting cannot give each of `max` instances its own port. */
function checkPortHolds(port: PortSpec, max: number, written: unknown, field: string): void {
  if (port.kind === 'none' || max <= 1) return;
  const from = port.kind === 'single' ? port.port : port.from;
  const size = port.kind === 'single' ? 1 : port.to - port.from + 1;
  if (size >= max) return;
  const start = Math.max(1, Math.min(from, MAX_PORT - max + 1));
  const range = `${start}-${Math.min(start + max - 1, MAX_PORT)}`;
  const auto = `auto:${start}-${Math.min(start + Math.max(max, 100) - 1, MAX_PORT)}`;
  const head = `"${field}" is ${describeValue(written)} but "port" is "${formatPort(port)}"`;
  const lower = `or lower "${field}" to ${size}`;
  const text =
    port.kind === 'single'
      ? `${head}, a single port that fits one instance; use a range like "${range}" or "${auto}"`
      : port.kind === 'range'
        ? `${head}, ${size} ports for ${max} instances; widen the range to "${range}", use "${auto}", ${lower}`
        : `${head}, ${size} ports for ${max} instances; widen it to "${auto}" ${lower}`;
  throw new ConfigError(text, { field });
}
