import type { HealthStatus, InstanceStatus, SupervisorState } from './types.js';

/** A visible change of one instance: its status, process, or health. */
export interface Transition {
  app: string;
  id: number;
  status: InstanceStatus;
  health: HealthStatus;
  pid: number | undefined;
  port: number | undefined;
  reason: string | undefined;
}

/** The instances whose status, pid or health differ between two states (new ones included). */
export function instanceTransitions(prev: SupervisorState, next: SupervisorState): Transition[] {
  if (prev.apps === next.apps) return [];
  const out: Transition[] = [];
  for (const [name, app] of Object.entries(next.apps)) {
    const before = prev.apps[name];
    if (before === app) continue;
    for (const i of app.instances) {
      const old = before?.instances[i.id];
      if (old === i) continue;
      if (!old && i.status === 'stopped') continue; // just registered, about to start
      if (old && old.status === i.status && old.pid === i.pid && old.health === i.health) continue;
      out.push({ app: name, id: i.id, status: i.status, health: i.health, pid: i.pid, port: i.port, reason: i.reason });
    }
  }
  return out;
}
