import { SPEC_DEFAULTS, type AppSpec } from '../config/spec.js';
import type { InstanceState } from '../supervisor/types.js';

/** One `server` line of an upstream: an instance's address. */
export interface LbServer {
  id: number;
  host: string;
  port: number;
}

/** What the membership rule reads of an app; an AppState fits, and so does one built from `describe` rows. */
export interface LbMembershipInput {
  spec: Pick<AppSpec, 'healthCheck' | 'loadBalancer'>;
  instances: readonly Pick<InstanceState, 'id' | 'status' | 'pid' | 'port' | 'health'>[];
}

/**
 * The instances that belong in the upstream, ascending by port: online with a pid and a port,
 * not `excluded` (being drained before a stop), and healthy when the app has a health check.
 */
export function upstreamServers(app: LbMembershipInput, excluded: ReadonlySet<number>): LbServer[] {
  const host = app.spec.loadBalancer?.host ?? SPEC_DEFAULTS.loadBalancer.host;
  const checked = app.spec.healthCheck !== undefined;
  const servers: LbServer[] = [];
  for (const i of app.instances) {
    if (i.status !== 'online' || i.pid === undefined || i.port === undefined || excluded.has(i.id)) continue;
    // Without a health check, "online" is all we know; with one, "unknown" is not yet fit for traffic.
    if (checked && i.health !== 'healthy') continue;
    servers.push({ id: i.id, host, port: i.port });
  }
  return servers.sort((a, b) => a.port - b.port);
}
