import type { AppSpec } from '../../config/spec.js';
import type { AutoscaleStatus, InstanceState } from '../../supervisor/types.js';
import type { Mirror } from './mirror.js';

export type GridRow =
  | { kind: 'app'; key: string; app: string; spec: AppSpec; online: number; total: number; collapsed: boolean; autoscale?: AutoscaleStatus | undefined }
  | { kind: 'instance'; key: string; app: string; instance: InstanceState };

export interface GridFilter {
  collapsed: Readonly<Record<string, true>>;
  /** Substring of `<app>-<id>` (case-insensitive). */
  text: string;
  faultsOnly: boolean;
}

export const appKey = (app: string): string => `app:${app}`;
export const instanceKey = (app: string, id: number): string => `inst:${app}:${id}`;

/** A fault is anything an operator should look at: not online, or not healthy. */
export function isFault(i: InstanceState): boolean {
  return i.status !== 'online' || i.health === 'unhealthy';
}

/** The grid's rows, grouped by app in name order (pure). */
export function gridRows(mirror: Mirror, filter: GridFilter): GridRow[] {
  const rows: GridRow[] = [];
  const text = filter.text.toLowerCase();
  for (const name of Object.keys(mirror.apps).sort()) {
    const app = mirror.apps[name]!;
    const visible = app.instances.filter(
      (i) => (!filter.faultsOnly || isFault(i)) && (text === '' || `${name}-${i.id}`.toLowerCase().includes(text)),
    );
    if (visible.length === 0 && (filter.faultsOnly || text !== '')) continue;
    const collapsed = filter.collapsed[name] === true;
    const online = app.instances.filter((i) => i.status === 'online').length;
    rows.push({ kind: 'app', key: appKey(name), app: name, spec: app.spec, online, total: app.instances.length, collapsed, ...(app.autoscale ? { autoscale: app.autoscale } : {}) });
    if (!collapsed) for (const i of visible) rows.push({ kind: 'instance', key: instanceKey(name, i.id), app: name, instance: i });
  }
  return rows;
}

/** The row to select after `delta` moves from `key` (clamped); moves from the first row when `key` is gone. */
export function moveSelection(rows: readonly GridRow[], key: string | undefined, delta: number): string | undefined {
  if (rows.length === 0) return undefined;
  const at = Math.max(0, rows.findIndex((r) => r.key === key));
  return rows[Math.max(0, Math.min(rows.length - 1, at + delta))]!.key;
}
