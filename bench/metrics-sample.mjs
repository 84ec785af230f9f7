// Cost of one metrics round: createTreeSampler().sample() over 100 process trees.
// Usage: npx tsc -p tsconfig.build.json && node bench/metrics-sample.mjs [processes] [rounds] [command...]
// Default: 100 idle `sleep 600` processes (single-threaded), 100 rounds.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createTreeSampler } from '../dist/supervisor/metrics/tree-sampler.js';
import { createHostSampler } from '../dist/supervisor/metrics/host-sampler.js';

const count = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 100);
const [cmd, ...args] = process.argv.length > 4 ? process.argv.slice(4) : ['sleep', '600'];

const children = Array.from({ length: count }, () => spawn(cmd, args, { stdio: 'ignore', detached: true }));
const pids = children.map((c) => c.pid);
try {
  // Wait until every process is visible, then let them finish starting so their start-up CPU does not skew the timings.
  const sampler = createTreeSampler();
  const deadline = Date.now() + 10_000;
  while (sampler.sample(pids).size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 3000));

  const times = [];
  let trees = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    trees = sampler.sample(pids).size;
    times.push(performance.now() - t0);
  }
  const host = createHostSampler();
  const h0 = performance.now();
  for (let i = 0; i < rounds; i++) host.sample();
  const hostMs = (performance.now() - h0) / rounds;

  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
  console.log(`trees sampled per round: ${trees} (${cmd} ${args.join(' ')})`);
  console.log(`tree sample: mean ${mean.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over ${rounds} rounds`);
  console.log(`host sample: mean ${hostMs.toFixed(3)} ms`);
  console.log(`at 1 Hz: ${(((mean + hostMs) / 1000) * 100).toFixed(2)} % of one core`);
} finally {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
