import type { ProcessRow } from '../../api/types.js';
import { formatBytes } from '../../lib/format-bytes.js';
import type { AutoscaleDecision, AutoscaleStatus } from '../../supervisor/types.js';
import { formatSpan } from './duration.js';

/** Autoscale settings as `list --json` rows carry them. */
export type AutoscaleRow = NonNullable<ProcessRow['autoscale']>;

/** "autoscale 2–8 at 70% CPU (cooldown 30s)", with "or 512 MiB memory" when memory counts too. */
export function formatAutoscaleSettings(a: AutoscaleRow): string {
  const memory = a.memoryThreshold === null ? '' : ` or ${formatBytes(a.memoryThreshold)} memory`;
  return `autoscale ${a.min}–${a.max} at ${a.cpuThreshold}% CPU${memory} (cooldown ${formatSpan(a.cooldownMs)})`;
}

/** "2 → 3 at 12:03:04, avg CPU 84% > 70% over 10s" (or "stays at 8 since …" for a refusal); the date is added when it is not today. */
export function formatAutoscaleDecision(d: AutoscaleDecision, now: number): string {
  const move = d.from === d.to ? `stays at ${d.from} since` : `${d.from} → ${d.to} at`;
  return `${move} ${clockTime(d.at, now)}, ${d.reason}`;
}

/** The lines `list` prints under its table: one per autoscaled app, in the order the rows list them. */
export function formatAutoscaleLines(rows: readonly ProcessRow[], now: number): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const row of rows) {
    if (row.autoscale === undefined || seen.has(row.app)) continue;
    seen.add(row.app);
    const last = row.autoscale.last === null ? 'no change yet' : formatAutoscaleDecision(row.autoscale.last, now);
    lines.push(`${row.app}: ${formatAutoscaleSettings(row.autoscale)} · last: ${last}`);
  }
  return lines;
}

/** The settings, the latest averages and the last decision, one per line (for `info` and `autoscale`). */
export function formatAutoscaleDetails(a: AutoscaleRow, status: AutoscaleStatus | undefined, now: number): string[] {
  const memory = a.memoryThreshold === null ? '' : ` or ${formatBytes(a.memoryThreshold)} memory`;
  const lines = [
    `${a.min}–${a.max} instances, averaged over ${formatSpan(a.windowMs)}, cooldown ${formatSpan(a.cooldownMs)}`,
    `up one above ${a.cpuThreshold}% CPU${memory}, down one below half of it`,
  ];
  if (status?.cpu !== undefined) {
    const mem = status.memory === undefined ? '' : `, memory ${formatBytes(status.memory)}`;
    lines.push(`now: avg CPU ${status.cpu.toFixed(1)}%${mem} per online instance`);
  }
  const last = status?.last ?? a.last;
  lines.push(`last: ${last === null ? 'no change yet' : formatAutoscaleDecision(last, now)}`);
  return lines;
}

/** Local "12:03:04", or "2025-01-31 12:03:04" when `at` is not on the same day as `now`. */
function clockTime(at: number, now: number): string {
  const d = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  if (d.toDateString() === new Date(now).toDateString()) return time;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${time}`;
}
