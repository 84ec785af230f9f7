import type { WireApp, WireInstance } from '../../api/types.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { formatDuration } from '../../lib/format-duration.js';
import type { HealthStatus, InstanceStatus } from '../../supervisor/types.js';
import { mean, median, percentile } from './stats.js';

export type CompareMetric = 'status' | 'health' | 'cpuAvg' | 'cpuP95' | 'memoryNow' | 'memoryPeak' | 'restarts' | 'uptime' | 'healthLatency';

export interface CompareCell {
  /** The number compared; undefined when there is none (not running, no samples, no health check). */
  value?: number;
  /** As displayed; equal texts count as equal values for "differences only". */
  text: string;
  /** Over OUTLIER_FACTOR × the row's median (only for metrics where higher is worse). */
  outlier: boolean;
}

/** One metric across the instances, in column order. */
export interface CompareRow {
  metric: CompareMetric;
  label: string;
  higherIsWorse: boolean;
  median?: number;
  cells: CompareCell[];
}

export interface CompareColumn {
  id: number;
  label: string;
  status: InstanceStatus;
  health: HealthStatus;
}

export interface CompareModel {
  app: string;
  columns: CompareColumn[];
  rows: CompareRow[];
  /** The history span the CPU figures cover, ms. */
  windowMs: number;
}

export interface CompareOptions {
  now: number;
  /** Only history samples this recent; the whole history kept when omitted. */
  windowMs?: number;
}

export const OUTLIER_FACTOR = 1.5;

// Differences below these are noise (0.2 % vs 0.5 % CPU is "3x" but means nothing).
const NOISE_FLOOR: Partial<Record<CompareMetric, number>> = { cpuAvg: 1, cpuP95: 1, memoryNow: 1024 * 1024, memoryPeak: 1024 * 1024, restarts: 1, healthLatency: 5 };

interface MetricDef {
  metric: CompareMetric;
  label: string;
  higherIsWorse: boolean;
  value(i: WireInstance, samples: WireInstance['history'], now: number): number | undefined;
  text(value: number): string;
}

const running = (i: WireInstance): boolean => i.pid !== undefined && (i.status === 'online' || i.status === 'starting');
const percent = (v: number): string => `${v.toFixed(1)}%`;
const bytes = (v: number): string => formatBytes(v).replace(/ ([KMGT])iB$/, '$1').replace(/ B$/, 'B');

const METRICS: readonly MetricDef[] = [
  { metric: 'cpuAvg', label: 'cpu avg', higherIsWorse: true, value: (_i, s) => mean(s.map((x) => x.cpu)), text: percent },
  { metric: 'cpuP95', label: 'cpu p95', higherIsWorse: true, value: (_i, s) => percentile(s.map((x) => x.cpu), 95), text: percent },
  { metric: 'memoryNow', label: 'memory', higherIsWorse: true, value: (i) => (running(i) ? i.memory : undefined), text: bytes },
  {
    metric: 'memoryPeak',
    label: 'memory peak',
    higherIsWorse: true,
    value: (i, s) => (s.length === 0 && !running(i) ? undefined : Math.max(running(i) ? i.memory : 0, ...s.map((x) => x.memory))),
    text: bytes,
  },
  { metric: 'restarts', label: 'restarts', higherIsWorse: true, value: (i) => i.restarts, text: (v) => String(v) },
  { metric: 'uptime', label: 'uptime', higherIsWorse: false, value: (i, _s, now) => (running(i) && i.startedAt !== undefined ? Math.max(0, now - i.startedAt) : undefined), text: formatDuration },
  { metric: 'healthLatency', label: 'health latency', higherIsWorse: true, value: (i) => i.lastHealth?.latencyMs, text: (v) => `${Math.round(v)}ms` },
];

/** One app's instances side by side (pure): CPU over the window, memory, restarts, uptime, health latency, outliers marked. */
export function buildCompare(app: string, wire: WireApp, options: CompareOptions): CompareModel {
  const { now } = options;
  const from = options.windowMs === undefined ? -Infinity : now - options.windowMs;
  const instances = [...wire.instances].sort((a, b) => a.id - b.id);
  const samples = instances.map((i) => i.history.filter((s) => s.at >= from && s.at <= now));
  const oldest = Math.min(...samples.flatMap((s) => (s.length > 0 ? [s[0]!.at] : [])));
  const columns = instances.map((i) => ({ id: i.id, label: `${app}-${i.id}`, status: i.status, health: i.health }));
  const rows: CompareRow[] = [
    textRow('status', 'status', instances.map((i) => i.status)),
    textRow('health', 'health', instances.map((i) => (i.health === 'unknown' ? '-' : i.health))),
    ...METRICS.map((def) => metricRow(def, instances.map((i, k) => def.value(i, samples[k]!, now)))),
  ];
  return { app, columns, rows, windowMs: options.windowMs ?? (Number.isFinite(oldest) ? Math.max(0, now - oldest) : 0) };
}

/** The model without the metrics whose displayed values are the same for every instance. */
export function differencesOnly(model: CompareModel): CompareModel {
  return { ...model, rows: model.rows.filter((r) => new Set(r.cells.map((c) => c.text)).size > 1) };
}

function textRow(metric: CompareMetric, label: string, texts: readonly string[]): CompareRow {
  return { metric, label, higherIsWorse: false, cells: texts.map((text) => ({ text, outlier: false })) };
}

function metricRow(def: MetricDef, values: readonly (number | undefined)[]): CompareRow {
  const known = values.filter((v): v is number => v !== undefined);
  const mid = median(known);
  const floor = NOISE_FLOOR[def.metric] ?? 0;
  const isOutlier = (v: number | undefined): boolean =>
    def.higherIsWorse && v !== undefined && mid !== undefined && known.length >= 2 && v > OUTLIER_FACTOR * mid && v - mid >= floor;
  return {
    metric: def.metric,
    label: def.label,
    higherIsWorse: def.higherIsWorse,
    ...(mid !== undefined ? { median: mid } : {}),
    cells: values.map((v) => ({ ...(v !== undefined ? { value: v } : {}), text: v === undefined ? '-' : def.text(v), outlier: isOutlier(v) })),
  };
}
