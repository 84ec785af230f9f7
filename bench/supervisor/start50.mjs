import { performance } from 'node:perf_hooks';
import { instances, percentile, spec, supervisor } from './common.mjs';

/** Time from addApp() to 50 instances online, median of 7 rounds (one warm-up). */
export async function run() {
  const times = [];
  for (let round = 0; round < 8; round++) {
    const sup = supervisor();
    const t0 = performance.now();
    await sup.addApp(spec({ name: `b${round}`, script: 'sleep', args: ['600'], instances: 50 }));
    const dt = performance.now() - t0;
    if (!instances(sup, `b${round}`).every((i) => i.status === 'online')) throw new Error('not all online');
    if (round > 0) times.push(dt);
    await sup.shutdown();
  }
  return { start50: percentile(times, 50) };
}
