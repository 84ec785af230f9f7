import { instances, spec, supervisor, until } from './common.mjs';

/**
 * This process's CPU time over 30 s while supervising 100 idle instances with 1 s metrics, after
 * a 10 s warm-up (V8 settles its heap after the 100 spawns; a daemon runs for hours).
 */
export async function run() {
  const sup = supervisor({ metricsIntervalMs: 1000 });
  await sup.addApp(spec({ name: 'idle', script: 'sleep', args: ['600'], instances: 100 }));
  await until(sup, (s) => s.apps.idle.instances.every((i) => i.history.length >= 2));
  await new Promise((r) => setTimeout(r, 10_000));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, 30_000));
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  const samples = instances(sup, 'idle')[0].history.length;
  await sup.shutdown();
  return { idle100: ((cpu.user + cpu.system) / 1000 / wall) * 100, idle100Samples: samples };
}
