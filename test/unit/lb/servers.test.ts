import { describe, expect, it } from 'vitest';
import { SPEC_DEFAULTS } from '../../../src/config/spec.js';
import { defaultLoadBalancer } from '../../../src/lb/render.js';
import { upstreamServers } from '../../../src/lb/servers.js';
import type { AppState, InstanceState } from '../../../src/supervisor/types.js';
import { makeSpec } from '../../helpers/make-spec.js';
import { onlineInstance } from '../../helpers/online-instance.js';

const CHECK = { ...SPEC_DEFAULTS.health, type: 'tcp' as const };

function app(instances: InstanceState[], overrides: Partial<AppState['spec']> = {}): AppState {
  return { spec: makeSpec({ instances: instances.length, ...overrides }), instances };
}

describe('upstreamServers', () => {
  it('lists every online instance with a pid and a port, ascending by port', () => {
    const a = app([onlineInstance('web', 0, { port: 3002 }), onlineInstance('web', 1, { port: 3000 }), onlineInstance('web', 2, { port: 3001 })]);
    expect(upstreamServers(a, new Set())).toEqual([
      { id: 1, host: '127.0.0.1', port: 3000 },
      { id: 2, host: '127.0.0.1', port: 3001 },
      { id: 0, host: '127.0.0.1', port: 3002 },
    ]);
  });

  it('leaves out instances that are not online, have no pid or no port', () => {
    const a = app([
      onlineInstance('web', 0, { port: 3000 }),
      onlineInstance('web', 1, { port: 3001, status: 'starting' }),
      onlineInstance('web', 2, { port: 3002, status: 'stopping' }),
      onlineInstance('web', 3, { port: 3003, pid: undefined }),
      onlineInstance('web', 4, { port: undefined }),
      onlineInstance('web', 5, { port: 3005, status: 'waiting-restart' }),
    ]);
    expect(upstreamServers(a, new Set()).map((s) => s.id)).toEqual([0]);
  });

  it('leaves out an excluded instance, being drained before it stops', () => {
    const a = app([onlineInstance('web', 0, { port: 3000 }), onlineInstance('web', 1, { port: 3001 })]);
    expect(upstreamServers(a, new Set([0])).map((s) => s.id)).toEqual([1]);
  });

  it('with a health check, keeps only healthy instances (unknown and unhealthy are out)', () => {
    const a = app(
      [onlineInstance('web', 0, { port: 3000, health: 'healthy' }), onlineInstance('web', 1, { port: 3001, health: 'unknown' }), onlineInstance('web', 2, { port: 3002, health: 'unhealthy' })],
      { healthCheck: CHECK },
    );
    expect(upstreamServers(a, new Set()).map((s) => s.id)).toEqual([0]);
  });

  it('without a health check, online is enough whatever the health field says', () => {
    const a = app([onlineInstance('web', 0, { port: 3000, health: 'unknown' })]);
    expect(upstreamServers(a, new Set()).map((s) => s.id)).toEqual([0]);
  });

  it('takes the host from the app\'s load_balancer setting', () => {
    const a = app([onlineInstance('web', 0, { port: 3000 })], { loadBalancer: { ...defaultLoadBalancer('nginx', 'web'), host: '10.1.2.3' } });
    expect(upstreamServers(a, new Set())).toEqual([{ id: 0, host: '10.1.2.3', port: 3000 }]);
  });
});
