import type { InstanceState, SupervisorState } from '../../supervisor/types.js';
import { FORMAT, type PersistedApp, type PersistedFile } from './format.js';

/**
 * Whether anything persisted differs between two store states: specs (by reference: the store
 * replaces them on change), instance count, desired state and pid per instance, port assignments.
 * Metric ticks, health and log activity change none of these, so they cost no write.
 */
export function persistedChanged(prev: SupervisorState, next: SupervisorState): boolean {
  if (prev.apps === next.apps && prev.ports === next.ports) return false;
  const names = Object.keys(next.apps);
  if (names.length !== Object.keys(prev.apps).length) return true;
  for (const name of names) {
    const a = prev.apps[name];
    const b = next.apps[name];
    if (!a || !b || a.spec !== b.spec || !sameInstances(a.instances, b.instances)) return true;
    if (!samePorts(prev.ports[name], next.ports[name])) return true;
  }
  return false;
}

function sameInstances(a: readonly InstanceState[], b: readonly InstanceState[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, k) => x === b[k] || (x.desired === b[k]?.desired && x.pid === b[k]?.pid));
}

function samePorts(a: readonly (number | undefined)[] = [], b: readonly (number | undefined)[] = []): boolean {
  if (a === b) return true;
  const length = Math.max(a.length, b.length);
  for (let k = 0; k < length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export interface ProjectionContext {
  now: number;
  bootId?: string;
  /** The start time of a live pid (`startedAt`: when the store saw it start), or null when it is gone. */
  pidStart(pid: number, startedAt: number | undefined): number | null;
}

/** The persisted form of a store state, apps in the store's order. */
export function projectState(state: SupervisorState, ctx: ProjectionContext): PersistedFile {
  const apps = Object.values(state.apps).map(({ spec, instances }): PersistedApp => ({
    spec,
    ports: instances.map((i) => state.ports[spec.name]?.[i.id]),
    instances: instances.map((i) => ({
      desired: i.desired,
      pid: i.pid ?? null,
      pidStart: i.pid === undefined ? null : ctx.pidStart(i.pid, i.startedAt),
    })),
  }));
  return { format: FORMAT, savedAt: ctx.now, killed: false, bootId: ctx.bootId, apps };
}
