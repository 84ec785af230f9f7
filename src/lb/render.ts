import { SPEC_DEFAULTS, type AppSpec, type LoadBalancerSpec, type LoadBalancerType } from '../config/spec.js';
import { renderHaproxyBackend } from './render-haproxy.js';
import { renderNginxUpstream } from './render-nginx.js';
import type { LbServer } from './servers.js';

/** The nginx upstream or HAProxy backend text for `servers`, by `lb.type`. */
export function renderLoadBalancer(lb: LoadBalancerSpec, servers: readonly LbServer[], app: string = lb.name): string {
  switch (lb.type) {
    case 'nginx':
      return renderNginxUpstream(lb, servers, app);
    case 'haproxy':
      return renderHaproxyBackend(lb, servers, app);
  }
}

/** Load-balancer settings from the defaults, for an app without a `load_balancer` setting. */
export function defaultLoadBalancer(type: LoadBalancerType, appName: string, spec?: Pick<AppSpec, 'healthCheck'>): LoadBalancerSpec {
  const { host, weight, maxFails, failTimeoutMs, keepalive, healthPath, checkIntervalMs, rise } = SPEC_DEFAULTS.loadBalancer;
  const url = spec?.healthCheck?.type === 'http' ? spec.healthCheck.url : undefined;
  const path = url === undefined ? undefined : urlPath(url);
  return { type, name: appName, host, weight, maxFails, failTimeoutMs, keepalive, healthPath: path ?? healthPath, checkIntervalMs, rise };
}

/** The app's own settings when it has them (with the type asked for), else the defaults. */
export function loadBalancerFor(type: LoadBalancerType, appName: string, spec?: Pick<AppSpec, 'healthCheck' | 'loadBalancer'>): LoadBalancerSpec {
  return spec?.loadBalancer ? { ...spec.loadBalancer, type } : defaultLoadBalancer(type, appName, spec);
}

/**
 * Path and query of a health-check URL, read by pattern rather than `new URL` because the URL
 * may hold `${PORT}` in its authority; undefined when it is not an absolute URL.
 */
export function urlPath(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url.trim());
  if (!match) return undefined;
  const rest = match[1] ?? '';
  return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
}
