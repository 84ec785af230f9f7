import type { SupervisorEvent, WireApp, WireState } from '../../api/types.js';
import type { HostMetrics } from '../../supervisor/types.js';
import { MAX_HISTORY } from '../../supervisor/types.js';

/** The TUI's copy of the supervisor state, folded from events (pure). */
export interface Mirror {
  apps: Readonly<Record<string, WireApp>>;
  host: HostMetrics | null;
  startedAt: number;
  /** Sequence number of the last event applied; -1 before the snapshot. */
  seq: number;
}

export const EMPTY_MIRROR: Mirror = { apps: {}, host: null, startedAt: 0, seq: -1 };

/** Folds one state event into the mirror; log and rolling events leave it as it is. */
export function applyEvent(mirror: Mirror, event: SupervisorEvent): Mirror {
  switch (event.type) {
    case 'snapshot':
      return fromSnapshot(event.state, event.seq);
    case 'patch': {
      const apps: Record<string, WireApp> = { ...mirror.apps };
      for (const [name, app] of Object.entries(event.apps)) {
        if (app === null) delete apps[name];
        else apps[name] = mergeApp(apps[name], app);
      }
      return { ...mirror, apps, host: event.host ?? mirror.host, seq: event.seq };
    }
    case 'log':
    case 'dropped':
    case 'rolling':
      return mirror;
  }
}

function fromSnapshot(state: WireState, seq: number): Mirror {
  return { apps: state.apps, host: state.host, startedAt: state.startedAt, seq };
}

/** A patch carries only new history samples: append them to what the mirror has; the rest (autoscale, loadBalancer) replaces. */
function mergeApp(old: WireApp | undefined, patch: WireApp): WireApp {
  const instances = patch.instances.map((i) => {
    const before = old?.instances[i.id];
    if (!before || i.history.length === 0) return { ...i, history: before?.history ?? i.history };
    return { ...i, history: [...before.history, ...i.history].slice(-MAX_HISTORY) };
  });
  return { ...patch, instances };
}
