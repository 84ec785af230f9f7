import type { AppSpec } from '../config/spec.js';
import type { PortAssigner } from './context.js';
import { autoPortCandidates, fixedPort } from './port-plan.js';
import type { SupervisorStore } from './store.js';
import { withPort } from './store.js';
import type { SupervisorState } from './types.js';

export interface PortProbe {
  isPortFree(port: number): Promise<boolean>;
  describePortInUse(port: number): string;
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/**
 * Hands out ports per design §3: fixed ports by instance id, auto ports lowest-free-first, every
 * assignment kept in the store so an instance keeps its port across restarts; each start
 * bind-probes the port so a foreign holder is named instead of crash-looping the app.
 */
export function createPortAssigner(store: SupervisorStore, probe: PortProbe): PortAssigner {
  const record = (app: string, id: number, port: number | undefined): void =>
    store.setState((s) => withPort(s, app, id, port), true);

  async function claimAuto(app: string, id: number, range: { from: number; to: number }): Promise<number> {
    const busy = new Set<number>();
    for (;;) {
      const next = autoPortCandidates(range, claimedPorts(store.getState(), busy)).next();
      if (next.done) {
        throw new PortInUseError(
          `app "${app}": no free port left in auto:${range.from}-${range.to} for instance ${id} ` +
            `(every port is assigned or in use); widen the range`,
        );
      }
      const candidate = next.value;
      record(app, id, candidate); // reserved before the await, so concurrent starts skip it
      if (await probe.isPortFree(candidate)) return candidate;
      busy.add(candidate);
      record(app, id, undefined);
    }
  }

  let autoQueue: Promise<unknown> = Promise.resolve();

  return {
    async ensurePort(app, id) {
      const state = store.getState();
      const spec = state.apps[app]?.spec;
      if (!spec || spec.port.kind === 'none') return undefined;
      const kept = state.ports[app]?.[id];
      if (kept === undefined && spec.port.kind === 'auto') {
        const range = spec.port;
        // One auto claim at a time, in call order, so instance i gets a lower port than i+1 even when one is skipped.
        const claim = autoQueue.then(() => claimAuto(app, id, range));
        autoQueue = claim.catch(() => undefined);
        return claim;
      }
      const port = kept ?? fixedPort(app, spec.port, id)!;
      const holder = holderOf(state, port, app, id);
      if (holder) throw new PortInUseError(`port ${port} is assigned to ${holder} by pmdaemon; give this app other ports`);
      record(app, id, port);
      if (!(await probe.isPortFree(port))) throw new PortInUseError(probe.describePortInUse(port));
      return port;
    },
  };
}

/** Ports nobody else may be given: assigned ones, every app's fixed ones, and `extra`. */
function claimedPorts(state: SupervisorState, extra: ReadonlySet<number>): Set<number> {
  const claimed = new Set<number>(extra);
  for (const list of Object.values(state.ports)) for (const p of list) if (p !== undefined) claimed.add(p);
  for (const { spec } of Object.values(state.apps)) for (const p of fixedPortsOf(spec)) claimed.add(p);
  return claimed;
}

/** The whole declared fixed range: an app may scale into it later, so auto apps stay out. */
function fixedPortsOf(spec: AppSpec): number[] {
  const { port } = spec;
  if (port.kind === 'single') return [port.port];
  if (port.kind !== 'range') return [];
  const ports: number[] = [];
  for (let p = port.from; p <= port.to; p++) ports.push(p);
  return ports;
}

/** "instance 0 of app \"web\"" when another instance already holds `port`. */
function holderOf(state: SupervisorState, port: number, app: string, id: number): string | undefined {
  for (const [name, list] of Object.entries(state.ports)) {
    const other = list.indexOf(port);
    if (other !== -1 && (name !== app || other !== id)) return `instance ${other} of app "${name}"`;
  }
  return undefined;
}
