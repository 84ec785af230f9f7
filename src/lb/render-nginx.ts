import type { LoadBalancerSpec } from '../config/spec.js';
import { configDuration, generatedHeader, hostPort } from './config-text.js';
import type { LbServer } from './servers.js';

const INDENT = '    ';

/** An nginx `upstream` block for `servers`; `app` names the app in the header (default: the upstream name). */
export function renderNginxUpstream(lb: LoadBalancerSpec, servers: readonly LbServer[], app: string = lb.name): string {
  const body: string[] = [];
  // Round-robin is nginx's default and has no directive.
  if ((lb.balance ?? 'least-conn') === 'least-conn') body.push('least_conn;');
  for (const s of servers) {
    body.push(`server ${hostPort(s.host, s.port)} weight=${lb.weight} max_fails=${lb.maxFails} fail_timeout=${configDuration(lb.failTimeoutMs)};`);
  }
  if (servers.length === 0) {
    body.push('# no live instance: nginx refuses an empty upstream, so this placeholder keeps it loading and fails requests at once (502)');
    body.push('server 127.0.0.1:1 down;');
  }
  // nginx wants the balancing method before keepalive.
  if (lb.keepalive > 0) body.push(`keepalive ${lb.keepalive};`);
  return [generatedHeader(app), `upstream ${lb.name} {`, ...body.map((line) => INDENT + line), '}', ''].join('\n');
}
