// Cost of the TUI's log path: sanitising a line, appending to the log store, preparing a frame's rows.
// Usage: npx tsc -p tsconfig.build.json && node --expose-gc bench/tui-logs.mjs
// Each figure is the median of 5 timed runs after one warm-up run, measured with performance.now().
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sanitizeLine } from '../dist/tui/logs/sanitize-line.js';
import { createLogStore } from '../dist/tui/logs/log-store.js';
import { buildRow, toDisplayLines } from '../dist/tui/logs/log-row.js';
import { findHits } from '../dist/tui/logs/search.js';
import { createTheme } from '../dist/tui/theme.js';

const ESC = '\x1b';
const LINES = {
  'plain 90 chars': '2024-05-01T12:00:00.123Z INFO  request handled method=GET path=/api/v1/users/42 status=200',
  'coloured (4 SGR)': `${ESC}[2m2024-05-01T12:00:00.123Z${ESC}[0m ${ESC}[32mINFO${ESC}[39m  request handled path=/api/v1/users/42 status=200`,
  'tab + CRLF': '12:00:00\tINFO\trequest handled\tstatus=200\r',
  'hostile (cursor, OSC, BEL)': `${ESC}[2K${ESC}[1G${ESC}]0;title\x07progress 42% ${ESC}[31m#####${ESC}[0m\x07\r`,
  '10,000 chars (clamped)': 'x'.repeat(10_000),
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median ms of `fn()` over 5 runs, after a warm-up run. */
function time(fn) {
  fn();
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

console.log(`tui-logs: node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? '?'}\n`);

console.log('sanitizeLine, ns per line (each line sanitised N times in a loop):');
let sink = 0;
for (const [name, line] of Object.entries(LINES)) {
  const n = line.length > 1_000 ? 20_000 : 500_000;
  const ms = time(() => {
    for (let i = 0; i < n; i++) sink += sanitizeLine(line).length;
  });
  console.log(`  ${name.padEnd(28)}${((ms * 1e6) / n).toFixed(0).padStart(8)} ns`);
}

console.log('\nlog store append (sanitising included), lines per second:');
const batch = Array.from({ length: 100 }, (_, i) => `${LINES['coloured (4 SGR)']} #${i}`);
for (const [name, instances] of [
  ['one flooding instance', 1],
  ['200 instances, round robin', 200],
]) {
  const batches = 10_000;
  const store = createLogStore();
  const ms = time(() => {
    for (let b = 0; b < batches; b++) store.append('app', b % instances, 'out', batch);
  });
  const perSecond = (batches * batch.length) / (ms / 1000);
  console.log(`  ${name.padEnd(28)}${(perSecond / 1e6).toFixed(2).padStart(8)} M lines/s  (batches of ${batch.length})`);
}

console.log('\nmemory: 5,000 lines of ~110 chars appended to each of 200 instances (default 16 M char budget):');
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const full = createLogStore();
for (let k = 0; k < 5_000; k++) for (let id = 0; id < 200; id++) full.append('big', id, 'out', [`${LINES['plain 90 chars']} ${k}-${id}`]);
globalThis.gc?.();
const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
const usage = full.usage();
console.log(`  kept ${usage.lines} lines, budgeted ${(usage.chars / 1e6).toFixed(1)} M chars, heap growth ${(heapGrowth / 1e6).toFixed(0)} MB${globalThis.gc ? '' : ' (run with --expose-gc for a steady figure)'}`);

console.log('\nframe preparation: a 120x40 pane (39 rows) from the store, window + buildRow per row:');
const theme = createTheme('256', true);
const wide = createLogStore();
wide.append('web', 0, 'out', Array.from({ length: 5_000 }, (_, i) => `${LINES['coloured (4 SGR)']} ${'z'.repeat(i % 300)}`));
for (const [name, query] of [
  ['no search', ''],
  ['search "users"', 'users'],
]) {
  const frames = 2_000;
  const ms = time(() => {
    for (let f = 0; f < frames; f++) {
      const lines = toDisplayLines(wide.lines({ app: 'web', instance: 0 }, { count: 39 }));
      for (const line of lines) sink += buildRow(line, 120, { theme, query, currentOccurrence: -1 }).length;
    }
  });
  console.log(`  ${name.padEnd(28)}${((ms * 1000) / frames).toFixed(0).padStart(8)} us per frame`);
}
const texts = wide.lines({ app: 'web', instance: 0 }, { count: 5_000 }).lines.map((line) => line.text);
const searchMs = time(() => {
  for (let r = 0; r < 20; r++) sink += findHits(texts, 'users/42').length;
});
console.log(`\nfindHits over 5,000 kept lines (one instance's whole ring): ${(searchMs / 20).toFixed(2)} ms`);
if (sink === 0) console.log('(unreachable: keeps the loops from being optimised away)');
