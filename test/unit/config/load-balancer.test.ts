import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_DEFAULTS } from '../../../src/config/index.js';
import { healthCheckPath, parseLoadBalancerSettings } from '../../../src/config/validate-load-balancer.js';
import { configErrorOf, webAppConfig } from './helpers.js';

const { dir: tempDir, file: configFile, loadWeb, problemsOf } = webAppConfig({ port: 'auto:3000-3099' });

describe('load_balancer in an ecosystem file', () => {
  it('reads drain_on_restart, and then defaults max_fails to 0 so nginx does not mark restarting instances failed', async () => {
    const kept = await loadWeb({ load_balancer: { type: 'nginx', drain_on_restart: false } });
    expect([kept.loadBalancer?.drainOnRestart, kept.loadBalancer?.maxFails]).toEqual([false, 0]);
    const explicit = await loadWeb({ load_balancer: { type: 'nginx', drain_on_restart: false, max_fails: 2 } });
    expect(explicit.loadBalancer?.maxFails).toBe(2);
    const plain = await loadWeb({ load_balancer: { type: 'nginx' } });
    expect([plain.loadBalancer?.drainOnRestart, plain.loadBalancer?.maxFails]).toEqual([undefined, SPEC_DEFAULTS.loadBalancer.maxFails]);
    expect((await problemsOf({ load_balancer: { type: 'nginx', drain_on_restart: 'no' } })).join('\n')).toContain('drain_on_restart');
  });

  it('resolves file against the config file directory and fills every default', async () => {
    fs.mkdirSync(path.join(tempDir(), 'nginx'));
    const spec = await loadWeb({ load_balancer: { type: 'nginx', file: 'nginx/web.conf', reload_cmd: 'nginx -s reload' } });
    expect(spec.loadBalancer).toEqual({
      type: 'nginx',
      file: path.join(tempDir(), 'nginx', 'web.conf'),
      reloadCmd: 'nginx -s reload',
      name: 'web',
      ...SPEC_DEFAULTS.loadBalancer,
    });
    expect(spec.loadBalancer).not.toHaveProperty('balance');
  });

  it('leaves loadBalancer undefined when the app has none', async () => {
    expect((await loadWeb({})).loadBalancer).toBeUndefined();
  });

  it('reads every option, plain-number durations as milliseconds and counts given as text', async () => {
    const spec = await loadWeb({
      load_balancer: {
        type: 'HAProxy',
        name: 'web_backend',
        host: '::1',
        balance: 'roundrobin',
        weight: '10',
        max_fails: 0,
        fail_timeout: 2500,
        keepalive: 0,
        health_path: '/ready?full=1',
        check_interval: '2s',
        rise: 5,
      },
    });
    expect(spec.loadBalancer).toEqual({
      type: 'haproxy',
      name: 'web_backend',
      host: '::1',
      balance: 'round-robin',
      weight: 10,
      maxFails: 0,
      failTimeoutMs: 2500,
      keepalive: 0,
      healthPath: '/ready?full=1',
      checkIntervalMs: 2000,
      rise: 5,
    });
  });

  it.each([
    ['least_conn', 'least-conn'],
    ['least-conn', 'least-conn'],
    ['leastconn', 'least-conn'],
    ['round_robin', 'round-robin'],
    ['Round-Robin', 'round-robin'],
    ['roundrobin', 'round-robin'],
  ])('reads balance %s as %s', async (written, expected) => {
    expect((await loadWeb({ load_balancer: { type: 'nginx', balance: written } })).loadBalancer?.balance).toBe(expected);
  });

  it('takes the default health_path from the http health check URL', async () => {
    const health_check = { url: 'http://127.0.0.1:${PORT}/healthz?deep=1' };
    expect((await loadWeb({ health_check, load_balancer: { type: 'haproxy' } })).loadBalancer?.healthPath).toBe('/healthz?deep=1');
  });

  it('prefers an explicit health_path over the health check URL', async () => {
    const health_check = { url: 'http://127.0.0.1:${PORT}/healthz' };
    const spec = await loadWeb({ health_check, load_balancer: { type: 'haproxy', health_path: '/lb' } });
    expect(spec.loadBalancer?.healthPath).toBe('/lb');
  });

  it('falls back to /health when the health check is not http or its path differs per instance', async () => {
    const tcp = await loadWeb({ health_check: { check_type: 'tcp' }, load_balancer: { type: 'nginx' } });
    const perInstance = await loadWeb({
      health_check: { url: 'http://127.0.0.1:${PORT}/health/${INSTANCE_ID}' },
      load_balancer: { type: 'nginx' },
    });
    expect([tcp.loadBalancer?.healthPath, perInstance.loadBalancer?.healthPath]).toEqual(['/health', '/health']);
  });

  it('rejects a load balancer on an app without a port, saying how to give it one', async () => {
    const error = await configErrorOf(() => loadWeb({ port: undefined, load_balancer: { type: 'nginx' } }));
    expect(error.message).toBe(
      `${configFile()}: app "web": "load_balancer" is set but the app has no "port"; the load balancer needs the instances' ports; set "port", e.g. "auto:3000-3099"`,
    );
    expect([error.app, error.field]).toEqual(['web', 'load_balancer']);
  });

  it('does not blame the load balancer when the port itself is invalid', async () => {
    expect(await problemsOf({ port: 'three', load_balancer: { type: 'nginx' } })).toEqual([
      '"port" is "three"; use a port like 3000, a range like "3000-3003" or "auto:3000-3100"',
    ]);
  });

  it('suggests the snake_case spelling of a camelCase field, also for the field itself', async () => {
    expect(await problemsOf({ loadBalancer: {} })).toEqual(['unknown field "loadBalancer"; did you mean "load_balancer"?']);
    expect(await problemsOf({ load_balancer: { type: 'nginx', maxFails: 2 } })).toEqual([
      'unknown field "load_balancer.maxFails"; did you mean "max_fails"?',
    ]);
  });

  it.each([
    [{ type: undefined }, '"load_balancer.type" is missing; use "nginx" or "haproxy"'],
    [{ type: 'traefik' }, '"load_balancer.type" is "traefik"; use "nginx" or "haproxy"'],
    [{ reload_cmd: ' ' }, '"load_balancer.reload_cmd" is " "; use a non-empty string'],
    [{ name: 'my upstream' }, '"load_balancer.name" is "my upstream"; use 1-64 letters, digits, ".", "_" or "-"'],
    [{ host: 'http://127.0.0.1' }, '"load_balancer.host" is "http://127.0.0.1"; use the address the instances listen on'],
    [{ balance: 'random' }, '"load_balancer.balance" is "random"; use "least_conn" or "round_robin"'],
    [{ balance: 'constructor' }, '"load_balancer.balance" is "constructor"; use "least_conn" or "round_robin"'],
    [{ weight: 0 }, '"load_balancer.weight" is 0; use a whole number of 1 or more'],
    [{ max_fails: -1 }, '"load_balancer.max_fails" is -1; use a whole number of 0 or more'],
    [{ keepalive: 1.5 }, '"load_balancer.keepalive" is 1.5; use a whole number of 0 or more'],
    [{ rise: 0 }, '"load_balancer.rise" is 0; use a whole number of 1 or more'],
    [{ fail_timeout: '0s' }, '"load_balancer.fail_timeout" is "0s"; use a duration greater than 0'],
    [{ check_interval: 'often' }, '"load_balancer.check_interval" is "often"; use a number of milliseconds or a string'],
    [{ health_path: 'health' }, '"load_balancer.health_path" is "health"; use a URL path starting with "/"'],
    [{ health_path: '/he alth' }, '"load_balancer.health_path" is "/he alth"; use a URL path starting with "/"'],
  ])('rejects %j', async (bad, expected) => {
    const [line, ...rest] = await problemsOf({ load_balancer: { type: 'nginx', ...bad } });
    expect(rest).toEqual([]);
    expect(line?.startsWith(expected)).toBe(true);
  });

  it('rejects a HAProxy weight above 256 but not an nginx one', async () => {
    expect(await problemsOf({ load_balancer: { type: 'haproxy', weight: 300 } })).toEqual([
      '"load_balancer.weight" is 300; HAProxy weights go from 1 to 256',
    ]);
    expect((await loadWeb({ load_balancer: { type: 'nginx', weight: 300 } })).loadBalancer?.weight).toBe(300);
  });

  it('rejects a reload_cmd without a file to rewrite', async () => {
    expect(await problemsOf({ load_balancer: { type: 'nginx', reload_cmd: 'nginx -s reload' } })).toEqual([
      '"load_balancer.reload_cmd" is "nginx -s reload"; it runs after the daemon rewrites "load_balancer.file", which is not set; set "load_balancer.file" too',
    ]);
  });

  it('rejects a file in a directory that does not exist, naming the full path', async () => {
    expect(await problemsOf({ load_balancer: { type: 'nginx', file: 'missing/web.conf' } })).toEqual([
      `"load_balancer.file" is "missing/web.conf"; the directory ${path.join(tempDir(), 'missing')} does not exist; create it or fix the path`,
    ]);
  });

  it('rejects a file that is a directory', async () => {
    fs.mkdirSync(path.join(tempDir(), 'conf.d'));
    expect(await problemsOf({ load_balancer: { type: 'nginx', file: 'conf.d' } })).toEqual([
      `"load_balancer.file" is "conf.d"; ${path.join(tempDir(), 'conf.d')} is a directory; name the file to write, e.g. ${path.join(tempDir(), 'conf.d', 'upstream.conf')}`,
    ]);
  });

  it('rejects a load_balancer that is not an object', async () => {
    expect(await problemsOf({ load_balancer: 'nginx' })).toEqual([
      '"load_balancer" is "nginx"; use an object like { "type": "nginx", "file": "/etc/nginx/conf.d/web.conf", "reload_cmd": "nginx -s reload" }',
    ]);
  });
});

describe('parseLoadBalancerSettings (the lb command)', () => {
  const ctx = { appName: 'api', port: { kind: 'range', from: 4000, to: 4003 }, baseDir: '/srv' } as const;

  it('resolves file against baseDir and names the backend after the app', () => {
    const result = parseLoadBalancerSettings({ type: 'haproxy', file: '/tmp/api.cfg', reload_cmd: 'systemctl reload haproxy' }, ctx);
    expect(result.problems).toEqual([]);
    expect(result.spec).toMatchObject({ type: 'haproxy', file: '/tmp/api.cfg', reloadCmd: 'systemctl reload haproxy', name: 'api' });
  });

  it('uses an empty name when the app name is not known, and the health check path of a normalised spec', () => {
    const healthCheck = { type: 'http', url: 'http://127.0.0.1:${PORT}/up', timeoutMs: 1, intervalMs: 1, retries: 1, graceMs: 0 };
    const result = parseLoadBalancerSettings({ type: 'nginx' }, { ...ctx, appName: undefined, healthCheck });
    expect(result.spec).toMatchObject({ name: '', healthPath: '/up' });
  });

  it('names settings through the label and returns no spec when something is wrong', () => {
    const label = (field: string): string => `--${field.replaceAll('_', '-')}`;
    expect(parseLoadBalancerSettings({ type: 'nginx', reload_cmd: '' }, { ...ctx, port: { kind: 'none' } }, { label })).toEqual({
      problems: [
        `a load balancer is asked for but the app has no "port"; the load balancer needs the instances' ports; set "port", e.g. "auto:3000-3099"`,
        '"--reload-cmd" is ""; use a non-empty string',
      ],
    });
  });
});

describe('healthCheckPath', () => {
  it.each([
    [{ check_type: 'http', url: 'http://127.0.0.1:${PORT}/a/b' }, '/a/b'],
    [{ url: 'https://localhost:8443' }, '/'],
    [{ url: 'http://127.0.0.1:${PORT}/caf\u00e9' }, '/caf%C3%A9'],
    [{ check_type: 'script', command: 'true' }, undefined],
    [{ type: 'tcp' }, undefined],
    [undefined, undefined],
  ])('finds the path of %j', (check, expected) => {
    expect(healthCheckPath(check)).toBe(expected);
  });
});
