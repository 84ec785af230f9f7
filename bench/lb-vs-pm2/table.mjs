// Pure: the per-run figures folded into rows, the targets (issue 5 §5), and the printed table.
import { median } from '../vs-pm2/proc.mjs';

/** Issue 5 §5: a rollout may take at most this many times as long as `pm2 reload`. */
export const TIME_TARGET = 1.5;

const sum = (values) => values.reduce((a, b) => a + b, 0);

/** One row per (target, client kind); `baseline` is the label of the target the times are compared with. */
export function buildRows(measured, baseline) {
  const baseMs = new Map(measured.find((m) => m.label === baseline)?.results.map((r) => [r.kind, median(r.runs.map((run) => run.ms))]) ?? []);
  return measured.flatMap(({ label, results }) =>
    results.map(({ kind, runs }) => {
      const times = runs.map((run) => run.ms);
      const requests = sum(runs.map((run) => run.requests));
      const failures = sum(runs.map((run) => run.failures));
      const ms = median(times);
      const ratio = ms / (baseMs.get(kind) ?? Number.NaN);
      const reloads = runs.every((run) => run.nginxReloads !== undefined) ? median(runs.map((run) => run.nginxReloads)) : undefined;
      const isBaseline = label === baseline;
      return {
        label, kind, runs: runs.length,
        requests: median(runs.map((run) => run.requests)), failures, failuresPerRun: runs.map((run) => run.failures),
        failedPct: (100 * failures) / requests, retries: sum(runs.map((run) => run.retries)), reloads,
        ms, minMs: Math.min(...times), maxMs: Math.max(...times), ratio,
        zeroFailures: isBaseline ? undefined : failures === 0,
        inTime: isBaseline ? undefined : Number.isFinite(ratio) && ratio <= TIME_TARGET,
        errors: mergeCounts(runs.map((run) => run.errors)),
      };
    }),
  );
}

function mergeCounts(list) {
  const out = {};
  for (const counts of list) for (const [key, n] of Object.entries(counts)) out[key] = (out[key] ?? 0) + n;
  return out;
}

const seconds = (ms) => (ms / 1000).toFixed(2);
const verdict = (ok) => (ok === undefined ? '—' : ok ? 'PASS' : 'MISS');

/** The table as aligned text lines (first column left-aligned, the rest right-aligned). */
export function formatTable(rows, kindLabels) {
  const cells = [['tool / variant', 'client', 'req/run', 'failed (per run)', 'failed %', 'retried', 'reloads', 'rollout s (min–max)', '÷ PM2', '0 failed', `≤ ${TIME_TARGET}× PM2`]];
  for (const r of rows) {
    cells.push([
      r.label, kindLabels[r.kind] ?? r.kind, String(Math.round(r.requests)), `${r.failures} (${r.failuresPerRun.join('/')})`,
      `${r.failedPct.toFixed(3)} %`, String(r.retries), r.reloads === undefined ? '—' : String(r.reloads),
      `${seconds(r.ms)} (${seconds(r.minMs)}–${seconds(r.maxMs)})`, Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '—',
      verdict(r.zeroFailures), verdict(r.inTime),
    ]);
  }
  const widths = cells[0].map((_, col) => Math.max(...cells.map((line) => line[col].length)));
  return cells.map((line) => line.map((cell, col) => (col < 2 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
}
