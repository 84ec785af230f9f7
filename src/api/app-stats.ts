import type { AppState } from '../supervisor/types.js';
import type { AppStats } from './types.js';

/** The summary `pmdaemon stats <app>` prints (pure). */
export function appStats(app: AppState, now: number): AppStats {
  const online = app.instances.filter((i) => i.status === 'online');
  const uptimes = online.map((i) => (i.startedAt === undefined ? 0 : now - i.startedAt));
  const cpuTotal = online.reduce((sum, i) => sum + i.cpu, 0);
  return {
    app: app.spec.name,
    online: online.length,
    total: app.instances.length,
    healthy: app.instances.filter((i) => i.health === 'healthy').length,
    unhealthy: app.instances.filter((i) => i.health === 'unhealthy').length,
    cpuTotal: round1(cpuTotal),
    cpuAvg: online.length === 0 ? 0 : round1(cpuTotal / online.length),
    memoryTotal: online.reduce((sum, i) => sum + i.memory, 0),
    restarts: app.instances.reduce((sum, i) => sum + i.restarts, 0),
    uptimeMin: uptimes.length === 0 ? 0 : Math.min(...uptimes),
    uptimeMax: uptimes.length === 0 ? 0 : Math.max(...uptimes),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
