import type { WireApp } from '../../api/types.js';
import type { PortOwner } from './port-owners.js';

/** One app's env value naming another app's port. */
export interface EnvReference {
  from: string;
  to: string;
  key: string;
}

// host:port, or [v6]:port, as in URLs ("http://127.0.0.1:3000/x") and plain "db:5432"; not user:pass@.
const ENDPOINT = /(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})(?![\d@])/g;

/** The ports of this host named in a value: host:port pairs whose host is loopback, a wildcard or in `localHosts`. */
export function localPortsIn(value: string, localHosts: readonly string[] = []): number[] {
  const ports: number[] = [];
  for (const match of value.matchAll(ENDPOINT)) {
    const host = (match[1] ?? match[2] ?? '').toLowerCase();
    const port = Number(match[3]);
    if (port > 0 && port < 65_536 && isLocalHost(host, localHosts)) ports.push(port);
  }
  return ports;
}

/** Every (app, env key) whose value names a port owned by another app. */
export function envReferences(
  apps: Readonly<Record<string, WireApp>>,
  owners: ReadonlyMap<number, PortOwner>,
  localHosts: readonly string[] = [],
): EnvReference[] {
  const refs: EnvReference[] = [];
  for (const [from, app] of Object.entries(apps)) {
    for (const [key, value] of Object.entries(app.spec.env)) {
      const targets = new Set(localPortsIn(value, localHosts).map((p) => owners.get(p)?.app));
      for (const to of targets) if (to !== undefined && to !== from) refs.push({ from, to, key });
    }
  }
  return refs;
}

function isLocalHost(host: string, localHosts: readonly string[]): boolean {
  return (
    host === 'localhost' ||
    host.startsWith('127.') ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::' ||
    localHosts.some((h) => h.toLowerCase() === host)
  );
}
