// Supervisor benchmarks of issue #2, each mode in a fresh Node process so CPU and RSS figures
// belong to the supervisor alone. Needs `npm run build` (imports ../dist).
//   node bench/supervisor.mjs            all modes, with a summary table
//   node bench/supervisor.mjs --mode X   one mode, prints one JSON line
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const modeArg = process.argv.indexOf('--mode');

const MODES = {
  start50: { what: '50 instances of `sleep 600` online, from addApp() to every instance online (median of 7)', target: '< 300 ms', unit: 'ms', ok: (v) => v < 300 },
  restart: { what: 'crash to restarted (new process spawned) minus restart_delay 100 ms (p95 of 20 crashes)', target: '< 50 ms', unit: 'ms', ok: (v) => v < 50 },
  idle100: { what: 'supervisor CPU with 100 idle instances, metrics every 1 s (30 s after a 10 s warm-up)', target: '< 1 %', unit: '% of a core', ok: (v) => v < 1 },
  ingest: { what: 'log ingest: one child writes 1 GiB to stdout as fast as it can', target: '>= 200 MiB/s', unit: 'MiB/s', ok: (v) => v >= 200 },
  ingestRss: { what: 'supervisor RSS growth during that ingest (peak - before)', target: '< 20 MB', unit: 'MB', ok: (v) => v < 20 },
};

if (modeArg !== -1) {
  const { run } = await import(`./supervisor/${process.argv[modeArg + 1]}.mjs`);
  process.stdout.write(JSON.stringify(await run()) + '\n');
  process.exit(0);
}

console.log(`pmdaemon supervisor benchmarks — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`);
console.log('each mode runs in its own process: node bench/supervisor.mjs --mode <mode>\n');
const results = {};
for (const mode of ['start50', 'restart', 'idle100', 'ingest']) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--mode', mode], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  Object.assign(results, JSON.parse(out.trim().split('\n').pop()));
}
let failed = 0;
for (const [key, m] of Object.entries(MODES)) {
  const value = results[key];
  const pass = m.ok(value);
  if (!pass) failed++;
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${String(round(value)).padStart(8)} ${m.unit.padEnd(12)} target ${m.target.padEnd(13)} ${m.what}`);
}
if (results.notes) for (const note of results.notes) console.log(`      ${note}`);
process.exitCode = failed ? 1 : 0;

function round(v) {
  return v >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}
