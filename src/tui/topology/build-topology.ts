import type { WireApp } from '../../api/types.js';
import type { HealthStatus, InstanceStatus } from '../../supervisor/types.js';
import { envReferences } from './env-edges.js';
import { portOwners, type PortOwner } from './port-owners.js';
import type { TcpConnection } from './proc-net-tcp.js';

export type TopologyRowKind = 'namespace' | 'app' | 'instance' | 'port';

/** One line of the tree namespace → app → instance → port. */
export interface TopologyRow {
  depth: number;
  kind: TopologyRowKind;
  label: string;
  status?: InstanceStatus;
  health?: HealthStatus;
  app?: string;
  instance?: number;
  pid?: number;
  port?: number;
  /** App rows: instances online, and in all. */
  online?: number;
  total?: number;
  /** The last of its siblings (drawn with treeLast). */
  last: boolean;
  /** For each ancestor at depth 1..depth-1: whether its siblings continue below (drawn with treePipe). */
  continues: readonly boolean[];
}

/** A dependency of one app on another, found in its env or in live TCP connections. */
export interface TopologyEdge {
  from: string;
  to: string;
  via: 'env' | 'tcp';
  /** What shows it: "env BACKEND_URLS", "tcp, 3 connections". */
  detail: string;
  /** env: the keys naming the other app's ports. */
  envKeys?: string[];
  /** tcp: open connections from `from`'s processes to `to`'s ports. */
  connections?: number;
}

export interface TopologyModel {
  rows: TopologyRow[];
  edges: TopologyEdge[];
}

export interface TopologyOptions {
  /** Live connections, from readConnections(); none when omitted. */
  connections?: readonly TcpConnection[];
  /** Show only this app, and the edges that touch it. */
  app?: string;
  /** Names and addresses of this host (besides loopback) that env values may use. */
  localHosts?: readonly string[];
}

/** The topology of the apps (pure): the tree for display and the deduplicated edges between apps. */
export function buildTopology(apps: Readonly<Record<string, WireApp>>, options: TopologyOptions = {}): TopologyModel {
  const owners = portOwners(apps);
  const edges = [...envEdges(apps, owners, options.localHosts), ...tcpEdges(apps, owners, options.connections ?? [])]
    .filter((e) => options.app === undefined || e.from === options.app || e.to === options.app)
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.via.localeCompare(b.via));
  const shown = Object.keys(apps).filter((name) => options.app === undefined || name === options.app);
  return { rows: treeRows(apps, shown), edges };
}

function envEdges(apps: Readonly<Record<string, WireApp>>, owners: ReadonlyMap<number, PortOwner>, localHosts?: readonly string[]): TopologyEdge[] {
  const keys = new Map<string, { from: string; to: string; keys: string[] }>();
  for (const ref of envReferences(apps, owners, localHosts)) {
    const id = `${ref.from}\0${ref.to}`;
    const entry = keys.get(id) ?? { from: ref.from, to: ref.to, keys: [] };
    if (!entry.keys.includes(ref.key)) entry.keys.push(ref.key);
    keys.set(id, entry);
  }
  return [...keys.values()].map((e) => ({ from: e.from, to: e.to, via: 'env', detail: `env ${e.keys.join(', ')}`, envKeys: e.keys }));
}

/** Edges from connections: the app of the connecting pid → the app owning the port (pure matcher). */
export function tcpEdges(apps: Readonly<Record<string, WireApp>>, owners: ReadonlyMap<number, PortOwner>, connections: readonly TcpConnection[]): TopologyEdge[] {
  const appOfPid = new Map<number, string>();
  for (const [name, app] of Object.entries(apps)) for (const i of app.instances) if (i.pid !== undefined) appOfPid.set(i.pid, name);
  const counts = new Map<string, { from: string; to: string; n: number }>();
  for (const c of connections) {
    const from = appOfPid.get(c.fromPid);
    const to = owners.get(c.toPort)?.app;
    if (from === undefined || to === undefined || from === to) continue;
    const id = `${from}\0${to}`;
    const entry = counts.get(id) ?? { from, to, n: 0 };
    entry.n++;
    counts.set(id, entry);
  }
  return [...counts.values()].map((e) => ({
    from: e.from,
    to: e.to,
    via: 'tcp',
    detail: `tcp, ${e.n} connection${e.n === 1 ? '' : 's'}`,
    connections: e.n,
  }));
}

function treeRows(apps: Readonly<Record<string, WireApp>>, names: readonly string[]): TopologyRow[] {
  const byNamespace = new Map<string, string[]>();
  for (const name of [...names].sort()) {
    const ns = apps[name]!.spec.namespace;
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), name]);
  }
  const rows: TopologyRow[] = [];
  const namespaces = [...byNamespace.keys()].sort();
  namespaces.forEach((ns, n) => {
    rows.push({ depth: 0, kind: 'namespace', label: ns, last: n === namespaces.length - 1, continues: [] });
    const appNames = byNamespace.get(ns)!;
    appNames.forEach((name, a) => {
      const app = apps[name]!;
      const appLast = a === appNames.length - 1;
      const online = app.instances.filter((i) => i.status === 'online').length;
      rows.push({ depth: 1, kind: 'app', label: name, app: name, online, total: app.instances.length, last: appLast, continues: [] });
      app.instances.forEach((i, k) => {
        const last = k === app.instances.length - 1;
        rows.push({
          depth: 2,
          kind: 'instance',
          label: `${name}-${i.id}`,
          status: i.status,
          health: i.health,
          app: name,
          instance: i.id,
          ...(i.pid !== undefined ? { pid: i.pid } : {}),
          ...(i.port !== undefined ? { port: i.port } : {}),
          last,
          continues: [!appLast],
        });
        if (i.port !== undefined) {
          rows.push({ depth: 3, kind: 'port', label: `port ${i.port}`, app: name, instance: i.id, port: i.port, last: true, continues: [!appLast, !last] });
        }
      });
    });
  });
  return rows;
}
