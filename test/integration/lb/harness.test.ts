import { execSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePortRange } from '../../helpers/free-port-range.js';
import { startLoad } from '../../helpers/http-load.js';
import { startNginx, type NginxHandle } from '../../helpers/nginx.js';
import { upstreamBlock } from '../../helpers/nginx-config.js';
import { isRunning, processGroups } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';

const APP = fileURLToPath(new URL('../../fixtures/lb-app.mjs', import.meta.url));

// Ports at or above 32768 can be taken by outgoing connections (ephemeral range) under load.
async function lowPorts(count: number): Promise<number> {
  for (;;) {
    const from = await freePortRange(count);
    if (from + count < 32_768) return from;
  }
}

function request(port: number, method: string, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('nginx + lb-app test harness', () => {
  let dir: string;
  let base: number;
  let nginx: NginxHandle | undefined;
  const procs = processGroups();

  const startApp = (id: number) =>
    procs.start(process.execPath, [APP], { ...process.env, PORT: String(base + id), NODE_APP_INSTANCE: String(id) });
  const healthy = (id: number) => request(base + id, 'GET', '/health').then((r) => r.status === 200);
  const writeUpstream = (ids: number[]) =>
    fs.writeFileSync(path.join(dir, 'upstream.conf'), upstreamBlock('app', ids.map((i) => base + i), { lines: 'keepalive 8;' }));

  async function startCluster(ids: number[]): Promise<NginxHandle> {
    for (const id of ids) startApp(id);
    for (const id of ids) await waitFor(() => healthy(id), { what: `lb-app ${id} healthy` });
    writeUpstream(ids);
    nginx = await startNginx({ dir, listenPort: base + 9, includeFile: path.join(dir, 'upstream.conf'), upstream: 'app' });
    return nginx;
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
    base = await lowPorts(10);
  });

  afterEach(async () => {
    await nginx?.stop();
    nginx = undefined;
    procs.killAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves keep-alive traffic from both instances without failures', async () => {
    const lb = await startCluster([0, 1]);
    const result = await startLoad(lb.url, { connections: 4, keepAlive: true, maxRequests: 400, maxDurationMs: 10_000 }).done;
    expect(result.requests).toBe(400);
    expect(result.failures).toBe(0);
    expect(result.status[200]).toBe(400);
    expect(result.byBody['instance 0']).toBeGreaterThan(50);
    expect(result.byBody['instance 1']).toBeGreaterThan(50);
  });

  it('follows a rewritten upstream file after reload, also through reloadCommand, which it counts', async () => {
    const lb = await startCluster([0, 1]);
    const before = lb.workerPids();
    writeUpstream([1]);
    await lb.reload();
    expect(lb.workerPids().some((pid) => before.includes(pid))).toBe(false);
    const onlyOne = await startLoad(lb.url, { connections: 2, keepAlive: true, maxRequests: 100, maxDurationMs: 10_000 }).done;
    expect(onlyOne.byBody).toEqual({ 'instance 1': 100 });

    writeUpstream([0]);
    expect(lb.reloads()).toBe(0);
    execSync(lb.reloadCommand, { stdio: 'ignore' });
    expect(lb.reloads()).toBe(1);
    await waitFor(async () => (await request(base + 9, 'GET', '/')).body === 'instance 0', { what: 'nginx to serve instance 0 after reloadCommand' });
  });

  it('stop ends the master and every worker, and may be called twice', async () => {
    const lb = await startCluster([0]);
    const pids = [lb.masterPid, ...lb.workerPids()];
    expect(pids.length).toBeGreaterThanOrEqual(2);
    await lb.stop();
    await lb.stop();
    expect(pids.filter(isRunning)).toEqual([]);
    await expect(request(base + 9, 'GET', '/')).rejects.toThrow();
  });

  it('counts refused connections and non-2xx answers as failures', async () => {
    const refused = await startLoad(`http://127.0.0.1:${base + 5}/`, { connections: 2, keepAlive: true, maxRequests: 10, maxDurationMs: 5000 }).done;
    expect(refused).toMatchObject({ requests: 10, failures: 10, errors: { ECONNREFUSED: 10 } });

    const lb = await startCluster([0]);
    procs.killAll();
    await waitFor(async () => !(await healthy(0).catch(() => false)), { what: 'lb-app to die' });
    const bad = await startLoad(lb.url, { connections: 1, keepAlive: false, maxRequests: 5, maxDurationMs: 5000 }).done;
    expect(bad).toMatchObject({ requests: 5, failures: 5, errors: { 'HTTP 502': 5 }, status: { 502: 5 } });
  });

  it('stops by itself at maxDurationMs', async () => {
    const lb = await startCluster([0]);
    const result = await startLoad(lb.url, { connections: 2, keepAlive: true, maxDurationMs: 300 }).done;
    expect(result.failures).toBe(0);
    expect(result.requests).toBeGreaterThan(10);
    expect(result.durationMs).toBeLessThan(3000);
  });

  it('lb-app turns sick and well again on request', async () => {
    startApp(0);
    await waitFor(() => healthy(0), { what: 'lb-app healthy' });
    await request(base, 'POST', '/sick');
    expect(await request(base, 'GET', '/health')).toEqual({ status: 503, body: 'sick' });
    await request(base, 'POST', '/well');
    expect(await request(base, 'GET', '/health')).toEqual({ status: 200, body: 'ok' });
  });

  it('lb-app finishes an in-flight request on SIGTERM and exits 0', async () => {
    const child = startApp(0);
    await waitFor(() => healthy(0), { what: 'lb-app healthy' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const { body } = await new Promise<{ body: Promise<string> }>((resolve, reject) => {
      // Resolves at the response headers, with the body still to come (wrapped: a promise would be adopted).
      http
        .get({ host: '127.0.0.1', port: base, path: '/slow?ms=300', agent: false }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          resolve({ body: new Promise((done) => res.on('end', () => done(text))) });
        })
        .on('error', reject);
    });
    child.kill('SIGTERM');
    await expect(body).resolves.toBe('instance 0');
    expect(await exited).toBe(0);
  });
});
