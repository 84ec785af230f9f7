// Pure: the figures of the TUI benchmark against the targets of issue #4 §7, as a printed table.
import { median } from '../vs-pm2/proc.mjs';

/** The value at quantile `q` (0..1) of `values`, nearest rank. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Rows { figure, measured, target, pass } from the results; `pass` is undefined for reference rows. */
export function buildRows(r) {
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const pct = (value) => `${value.toFixed(1)} %`;
  const ms = (value) => `${Math.round(value)} ms`;
  const p50 = quantile(r.keys.times, 0.5);
  const p95 = quantile(r.keys.times, 0.95);
  const first = median(r.first.first);
  const rows = [
    { figure: '1 TUI CPU, following logs', measured: pct(r.follow.cpu.percent[0]), target: '< 15 %', pass: r.follow.cpu.percent[0] < 15 },
    { figure: '2 TUI CPU, nothing changes', measured: pct(r.idle.cpu.percent[0]), target: '< 3 %', pass: r.idle.cpu.percent[0] < 3 },
    { figure: '3 bytes to terminal, nothing changes', measured: `${Math.round(r.idle.bytesPerSecond)} B/s`, target: '0 B/s', pass: r.idle.bytesPerSecond === 0 },
    { figure: '4 keypress to screen p95', measured: `${ms(p95)} (p50 ${ms(p50)})`, target: '< 50 ms', pass: p95 < 50 },
    { figure: '5 RSS after the log run', measured: `${mb(r.rss)} (peak ${mb(r.hwm)})`, target: '< 200 MB', pass: r.rss < 200 * 2 ** 20 },
    { figure: '6 first frame, median of 5', measured: ms(first), target: '< 700 ms', pass: first < 700 },
  ];
  if (r.pm2) rows.push({ figure: `ref: pm2 monit CPU, ${r.pm2.instances} instances`, measured: pct(r.pm2.percent), target: '(issue: ~29 %)' });
  return rows;
}

/** The rows as aligned text lines. */
export function formatTable(rows) {
  const cells = [['figure', 'measured', 'target', 'result'], ...rows.map((row) => [row.figure, row.measured, row.target, row.pass === undefined ? '-' : row.pass ? 'PASS' : 'FAIL'])];
  const widths = cells[0].map((_, col) => Math.max(...cells.map((line) => line[col].length)));
  return cells.map((line) => line.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
}
