import type { AppState, InstanceState, SupervisorState } from '../supervisor/types.js';
import type { WireApp, WireState } from './types.js';

/** The whole state, as a new subscriber's snapshot. */
export function toWireState(state: SupervisorState): WireState {
  return { apps: { ...state.apps }, host: state.host ?? null, startedAt: state.startedAt };
}

/**
 * The apps that changed between two states, `null` for removed ones. Instance histories are cut
 * to the samples taken since `prev`, so a metrics tick costs a few bytes per instance, not 120 samples.
 */
export function diffApps(prev: SupervisorState, next: SupervisorState): Record<string, WireApp | null> | undefined {
  if (prev.apps === next.apps) return undefined;
  const changed: Record<string, WireApp | null> = {};
  let any = false;
  for (const [name, app] of Object.entries(next.apps)) {
    const before = prev.apps[name];
    if (before === app) continue;
    changed[name] = { ...app, instances: app.instances.map((i) => trimHistory(i, before)) };
    any = true;
  }
  for (const name of Object.keys(prev.apps)) {
    if (!(name in next.apps)) {
      changed[name] = null;
      any = true;
    }
  }
  return any ? changed : undefined;
}

function trimHistory(i: InstanceState, before: AppState | undefined): InstanceState {
  const old = before?.instances[i.id];
  const lastAt = old?.history.at(-1)?.at ?? -Infinity;
  const fresh = i.history.length > 0 && i.history.at(-1)!.at > lastAt ? i.history.filter((s) => s.at > lastAt) : [];
  return { ...i, history: fresh };
}
