import type { TopologyModel } from './build-topology.js';

/** The grid instance Enter jumps to from a topology row: its own, or an app's first; none for a namespace. */
export function topologyJumpTarget(model: TopologyModel, selected: number): { app: string; instance: number } | undefined {
  const row = model.rows[selected];
  if (row === undefined || row.app === undefined) return undefined;
  if (row.instance !== undefined) return { app: row.app, instance: row.instance };
  const first = model.rows.slice(selected + 1).find((r) => r.kind === 'instance' && r.app === row.app);
  return first?.instance === undefined ? undefined : { app: row.app, instance: first.instance };
}
