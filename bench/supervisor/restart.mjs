import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { instances, percentile, spec, supervisor, until } from './common.mjs';

const CRASHES = 20;
const DELAY = 100;

/**
 * Each child writes the wall-clock time just before it exits 1; the latency of a crash is the
 * start time of the next process minus that time, minus restart_delay. p95 over 20 crashes.
 */
export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-crash-'));
  const sup = supervisor();
  const runs = []; // [pid, startedAt] in the order processes came up
  sup.store.subscribe((s) => {
    const i = s.apps.crashy?.instances[0];
    if (i?.pid !== undefined && runs.at(-1)?.[0] !== i.pid) runs.push([i.pid, i.startedAt]);
  });
  const script = `sleep 0.05; date +%s%N > ${dir}/$$; exit 1`;
  await sup.addApp(spec({ name: 'crashy', script, shell: true, restart_delay: DELAY, min_uptime: 0 }));
  await until(sup, () => runs.length > CRASHES);
  await sup.shutdown();
  const latencies = [];
  for (let k = 0; k + 1 < runs.length; k++) {
    const crashed = BigInt(fs.readFileSync(path.join(dir, String(runs[k][0])), 'utf8').trim());
    latencies.push(runs[k + 1][1] - Number(crashed / 1_000_000n) - DELAY);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (instances(sup, 'crashy').length !== 1) throw new Error('unexpected state');
  return { restart: percentile(latencies, 95), restartMedian: percentile(latencies, 50) };
}
