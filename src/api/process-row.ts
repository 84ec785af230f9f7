import type { AppSpec } from '../config/spec.js';
import type { InstanceState } from '../supervisor/types.js';
import type { ProcessRow } from './types.js';

/** One instance as list rows show it (pure). */
export function toProcessRow(spec: AppSpec, i: InstanceState, now: number): ProcessRow {
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
  };
}
