import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../src/api/types.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { startLoad, type LoadResult } from '../../helpers/http-load.js';
import { startNginx, type NginxHandle } from '../../helpers/nginx.js';
import { waitFor } from '../../helpers/wait-for.js';
import { cleanupHomes, daemonHome, requireBuild, type DaemonHome } from '../cli/cli-support.js';

beforeAll(requireBuild);

let nginx: NginxHandle | undefined;
afterEach(async () => {
  await nginx?.stop();
  nginx = undefined;
  await cleanupHomes();
});

/** The ports of the live servers in the upstream file (not the `down` placeholder of an empty one). */
function upstreamPorts(file: string): number[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => !/\bdown\b/.test(l));
  return lines.flatMap((l) => [.../server 127\.0\.0\.1:(\d+)/.exec(l)?.slice(1) ?? []]).map(Number);
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', () => resolve(0));
  });
}

function post(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: urlPath, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A 4-instance lb-app cluster run by a real daemon, with a health check and a load_balancer
 * whose file a real nginx on 127.0.0.1 includes and whose reload_cmd reloads that nginx.
 */
async function cluster(extra: Record<string, unknown> = {}, lbExtra: Record<string, unknown> = {}): Promise<{ d: DaemonHome; file: string; from: number; url: string }> {
  const d = daemonHome();
  const dir = fs.mkdtempSync(path.join(d.home, 'nginx-'));
  const file = path.join(dir, 'web-upstream.conf');
  const from = await freePortRange(7);
  const listenPort = from + 6;
  // nginx needs the file to exist when it starts; the daemon rewrites it from the first instance on.
  fs.writeFileSync(file, 'upstream web { server 127.0.0.1:1 down; }\n');
  nginx = await startNginx({ dir, listenPort, includeFile: file, upstream: 'web' });
  const config = path.join(dir, 'ecosystem.json5');
  const app = {
    name: 'web',
    script: path.resolve('test/fixtures/lb-app.mjs'),
    instances: 4,
    port: `${from}-${from + 5}`,
    kill_timeout: 5000,
    health_check: { check_type: 'http', url: 'http://127.0.0.1:${PORT}/health', interval: 0.5, timeout: 2, retries: 1 },
    load_balancer: { type: 'nginx', file, reload_cmd: nginx.reloadCommand, ...lbExtra },
    ...extra,
  };
  fs.writeFileSync(config, JSON.stringify({ apps: [app] }));
  const start = await d.run(['start', config]);
  expect(start.code, start.stderr).toBe(0);
  await waitFor(() => upstreamPorts(file).length === 4, { what: 'four healthy instances in the upstream', timeoutMs: 15_000 });
  // The instances became healthy one by one, each a reload: wait until the daemon ran the last
  // one and nginx has retired every older generation of workers (their configs lack instances).
  await waitFor(async () => (await d.run(['info', 'web', '--instance', '0'])).stdout.includes(`nginx ${file}: 4 servers`), { what: 'the last reload run' });
  const handle = nginx;
  await waitFor(() => handle.workerPids().length === 2, { what: 'one generation of nginx workers' });
  const url = handle.url;
  await waitFor(() => get(url).then((status) => status === 200), { what: 'nginx serving the new upstream' });
  return { d, file, from, url };
}

/** Continuous load through nginx while `action` runs: keep-alive connections, plus fresh-connection ones. */
async function underLoad(url: string, action: () => Promise<void>, client: 'resending' | 'naive' = 'resending'): Promise<LoadResult[]> {
  // A GET that dies on a reused keep-alive connection before any response byte is resent, as
  // RFC 9112 §9.3.1 allows and browsers, curl and Go do: nginx's own reload closes idle ones.
  // The naive client resends nothing (Node's http.Agent).
  const loads = [
    startLoad(url, { connections: 6, keepAlive: true, retryOnReusedSocket: client === 'resending', maxDurationMs: 90_000 }),
    startLoad(url, { connections: 2, keepAlive: false, maxDurationMs: 90_000 }),
  ];
  try {
    await waitFor(() => loads.every((l) => l.current().requests > 20), { what: 'load flowing through nginx' });
    await action();
  } finally {
    await Promise.all(loads.map((l) => l.stop()));
  }
  return Promise.all(loads.map((l) => l.stop()));
}

function expectNoFailures(results: LoadResult[]): void {
  for (const r of results) {
    expect(r.failures, JSON.stringify({ errors: r.errors, status: r.status })).toBe(0);
    expect(r.requests).toBeGreaterThan(100);
  }
}

describe('a cluster behind a real nginx', () => {
  it('restart --rolling and reload --rolling fail no request under continuous load', async () => {
    const { d, url } = await cluster();
    const before = await d.list();
    const restart = await underLoad(url, async () => {
      const r = await d.run(['restart', 'web', '--rolling']);
      expect(r.code, r.stderr).toBe(0);
    });
    expectNoFailures(restart);
    const afterRestart = await d.list();
    expect(afterRestart.every((row, k) => row.status === 'online' && row.pid !== before[k]!.pid)).toBe(true);

    const reload = await underLoad(url, async () => {
      const r = await d.run(['reload', 'web', '--rolling']);
      expect(r.code, r.stderr).toBe(0);
    });
    expectNoFailures(reload);
    const afterReload = await d.list();
    expect(afterReload.every((row, k) => row.pid !== afterRestart[k]!.pid)).toBe(true);
    process.stdout.write(`nginx rolling: restart ${JSON.stringify(restart.map((r) => [r.requests, r.failures, r.retries]))}, reload ${JSON.stringify(reload.map((r) => [r.requests, r.failures, r.retries]))}\n`);
  });

  it('with drain_on_restart false, a rolling restart fails no request even for clients that never resend', async () => {
    const { d, file, url } = await cluster({}, { drain_on_restart: false });
    const before = fs.readFileSync(file, 'utf8');
    const results = await underLoad(url, async () => {
      const r = await d.run(['restart', 'web', '--rolling']);
      expect(r.code, r.stderr).toBe(0);
    }, 'naive');
    expectNoFailures(results);
    expect(results[0]!.retries).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readFileSync(file, 'utf8')).toContain('max_fails=0');
  });

  it('reload --rolling --instances 6 fails no request and ends with six servers that all get traffic', async () => {
    const { d, file, from, url } = await cluster();
    const results = await underLoad(url, async () => {
      const r = await d.run(['reload', 'web', '--rolling', '--instances', '6']);
      expect(r.code, r.stderr).toBe(0);
    });
    expectNoFailures(results);
    expect(upstreamPorts(file)).toEqual([0, 1, 2, 3, 4, 5].map((k) => from + k));
    expect(new Set(results.flatMap((r) => Object.keys(r.byBody))).size).toBe(6);
  });

  it('after scale 6 the upstream lists six servers and all six receive traffic', async () => {
    const { d, file, from, url } = await cluster();
    const scale = await d.run(['scale', 'web', '6']);
    expect(scale.code, scale.stderr).toBe(0);
    await waitFor(() => upstreamPorts(file).length === 6, { what: 'six servers in the upstream' });
    expect(upstreamPorts(file)).toEqual([0, 1, 2, 3, 4, 5].map((k) => from + k));
    const info = await d.run(['info', 'web', '--instance', '0']);
    expect(info.stdout).toContain(`nginx ${file}: 6 servers`);
    // The reload that added the last two may still be switching workers: wait until all six answer.
    await waitFor(async () => {
      const [r] = await underLoad(url, async () => {});
      return Object.keys(r!.byBody).length === 6 && r;
    }, { what: 'traffic reaching all six instances', timeoutMs: 15_000 });
  });

  it('an instance made unhealthy leaves the upstream, and returns when healthy', async () => {
    // Without autorestart the sick instance stays up, unhealthy, until it is made well.
    const { d, file, from } = await cluster({ autorestart: false });
    expect(await post(from + 2, '/sick')).toBe(200);
    await waitFor(() => !upstreamPorts(file).includes(from + 2), { what: 'the sick instance out of the upstream' });
    expect(upstreamPorts(file)).toEqual([from, from + 1, from + 3]);
    const sick = await d.json<ProcessRow[]>(['list']);
    expect([sick[2]!.status, sick[2]!.health]).toEqual(['online', 'unhealthy']);

    expect(await post(from + 2, '/well')).toBe(200);
    await waitFor(() => upstreamPorts(file).includes(from + 2), { what: 'the instance back in the upstream once healthy' });
    expect(upstreamPorts(file)).toEqual([from, from + 1, from + 2, from + 3]);

    const stop = await d.run(['stop', 'web', '--instance', '3']);
    expect(stop.code).toBe(0);
    expect(upstreamPorts(file)).toEqual([from, from + 1, from + 2]);
  });
});
