import { describe, expect, it } from 'vitest';
import { SPEC_DEFAULTS, type LoadBalancerSpec } from '../../../src/config/spec.js';
import { defaultLoadBalancer, loadBalancerFor, renderLoadBalancer, urlPath } from '../../../src/lb/render.js';
import { makeSpec } from '../../helpers/make-spec.js';

const HTTP_CHECK = { ...SPEC_DEFAULTS.health, type: 'http' as const, url: 'http://127.0.0.1:${PORT}/healthz' };

describe('renderLoadBalancer', () => {
  it('renders an nginx upstream or an HAProxy backend by type', () => {
    const servers = [{ id: 0, host: '127.0.0.1', port: 3000 }];
    expect(renderLoadBalancer(defaultLoadBalancer('nginx', 'web'), servers)).toContain('\nupstream web {\n');
    expect(renderLoadBalancer(defaultLoadBalancer('haproxy', 'web'), servers)).toContain('\nbackend web\n');
  });
});

describe('defaultLoadBalancer', () => {
  it('builds the documented defaults, named after the app, with the type-specific balance left open', () => {
    expect(defaultLoadBalancer('nginx', 'web')).toEqual({
      type: 'nginx',
      name: 'web',
      host: '127.0.0.1',
      weight: 1,
      maxFails: 3,
      failTimeoutMs: 30_000,
      keepalive: 32,
      healthPath: '/health',
      checkIntervalMs: 5000,
      rise: 2,
    });
  });

  it('takes the health path from the app\'s http health-check URL, ${PORT} and all', () => {
    expect(defaultLoadBalancer('haproxy', 'web', makeSpec({ healthCheck: HTTP_CHECK })).healthPath).toBe('/healthz');
  });

  it('keeps /health for a tcp health check', () => {
    const tcp = { ...SPEC_DEFAULTS.health, type: 'tcp' as const };
    expect(defaultLoadBalancer('haproxy', 'web', makeSpec({ healthCheck: tcp })).healthPath).toBe('/health');
  });
});

describe('loadBalancerFor', () => {
  it('uses the app\'s load_balancer settings with the type asked for', () => {
    const own: LoadBalancerSpec = { ...defaultLoadBalancer('nginx', 'web'), name: 'pool', weight: 7, file: '/tmp/x.conf', balance: 'round-robin' };
    expect(loadBalancerFor('haproxy', 'web', makeSpec({ loadBalancer: own }))).toEqual({ ...own, type: 'haproxy' });
  });

  it('falls back to the defaults without them', () => {
    expect(loadBalancerFor('nginx', 'web', makeSpec())).toEqual(defaultLoadBalancer('nginx', 'web'));
  });
});

describe('urlPath', () => {
  it('reads path and query, or / for a bare host, or nothing for a non-URL', () => {
    expect(urlPath('http://localhost:${PORT}/api/health?full=1#x')).toBe('/api/health?full=1');
    expect(urlPath('https://127.0.0.1:3000')).toBe('/');
    expect(urlPath('/health')).toBeUndefined();
  });
});
