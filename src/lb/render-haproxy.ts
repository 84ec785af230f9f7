import type { LoadBalancerSpec } from '../config/spec.js';
import { configDuration, generatedHeader, hostPort } from './config-text.js';
import type { LbServer } from './servers.js';

const INDENT = '    ';

/** An HAProxy `backend` section for `servers`; `app` names the app in the header (default: the backend name). */
export function renderHaproxyBackend(lb: LoadBalancerSpec, servers: readonly LbServer[], app: string = lb.name): string {
  const body = [`balance ${(lb.balance ?? 'round-robin') === 'round-robin' ? 'roundrobin' : 'leastconn'}`, `option httpchk GET ${lb.healthPath}`];
  const check = `check inter ${configDuration(lb.checkIntervalMs)} fall ${lb.maxFails} rise ${lb.rise} weight ${lb.weight}`;
  for (const s of servers) body.push(`server ${lb.name}-${s.id} ${hostPort(s.host, s.port)} ${check}`);
  // An empty backend is valid HAProxy: it answers 503 until a server appears.
  if (servers.length === 0) body.push('# no live instance: HAProxy answers 503 until one is online');
  return [generatedHeader(app), `backend ${lb.name}`, ...body.map((line) => INDENT + line), ''].join('\n');
}
