import type { AppSpec, AutoscaleSpec } from '../config/spec.js';
import type { AutoscaleStatus, InstanceState } from '../supervisor/types.js';
import type { ProcessRow } from './types.js';

/** One instance as list rows show it (pure); `autoscale` is the app's autoscaler status, if any. */
export function toProcessRow(spec: AppSpec, i: InstanceState, now: number, autoscale?: AutoscaleStatus): ProcessRow {
  const running = i.pid !== undefined && i.startedAt !== undefined;
  return {
    id: `${i.app}-${i.id}`,
    name: `${i.app}-${i.id}`,
    app: i.app,
    instance: i.id,
    namespace: spec.namespace,
    pid: i.pid ?? null,
    port: i.port ?? null,
    status: i.status,
    health: i.health,
    cpu: Math.round(i.cpu * 10) / 10,
    memory: i.memory,
    uptime: running ? Math.max(0, now - i.startedAt!) : 0,
    restarts: i.restarts,
    reason: i.reason ?? null,
    ...(spec.autoscale === undefined ? {} : { autoscale: toAutoscaleRow(spec.autoscale, autoscale) }),
  };
}

/** An app's autoscale settings and last decision as `list --json` rows carry them (pure). */
export function toAutoscaleRow(settings: AutoscaleSpec, status: AutoscaleStatus | undefined): NonNullable<ProcessRow['autoscale']> {
  return {
    min: settings.min,
    max: settings.max,
    cpuThreshold: settings.cpuThreshold,
    memoryThreshold: settings.memoryThreshold ?? null,
    cooldownMs: settings.cooldownMs,
    windowMs: settings.windowMs,
    last: status?.last ?? null,
  };
}
