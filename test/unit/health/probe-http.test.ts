import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHttp } from '../../../src/supervisor/health/probe-http.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('probeHttp', () => {
  it('is ok on HTTP 200', async () => {
    const { port } = await serve((_req, res) => res.end('ok'));
    const result = await probeHttp(`http://127.0.0.1:${port}/health`, 2000);
    expect(result).toMatchObject({ ok: true, message: 'HTTP 200' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.latencyMs).toBeLessThan(2000);
  });

  it('fails on HTTP 503', async () => {
    const { port } = await serve((_req, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    expect(await probeHttp(`http://127.0.0.1:${port}/`, 2000)).toMatchObject({ ok: false, message: 'HTTP 503' });
  });

  it('times out on a server that never answers', async () => {
    const { port } = await serve(() => undefined);
    const result = await probeHttp(`http://127.0.0.1:${port}/`, 300);
    expect(result).toMatchObject({ ok: false, message: 'timed out after 300 ms' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it('reports a refused connection on a closed port', async () => {
    const { server, port } = await serve((_req, res) => res.end());
    servers.pop();
    await new Promise((resolve) => server.close(resolve));
    expect(await probeHttp(`http://127.0.0.1:${port}/`, 2000)).toMatchObject({ ok: false, message: `ECONNREFUSED 127.0.0.1:${port}` });
  });

  it('does not follow a redirect and does not count it as healthy', async () => {
    const paths: string[] = [];
    const { port } = await serve((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const result = await probeHttp(`http://127.0.0.1:${port}/health`, 2000);
    expect(result).toMatchObject({ ok: false, message: 'HTTP 302 (redirect to /elsewhere, not followed)' });
    expect(paths).toEqual(['/health']);
  });

  it('resolves localhost', async () => {
    const { port } = await serve((_req, res) => res.end());
    expect(await probeHttp(`http://localhost:${port}/`, 2000)).toMatchObject({ ok: true, message: 'HTTP 200' });
  });

  it('leaves no connection open after reading only the status of a large response', async () => {
    const { server, port } = await serve((_req, res) => {
      res.write(Buffer.alloc(1024 * 1024));
      // Never ends: only the probe closing the socket ends the exchange.
    });
    expect((await probeHttp(`http://127.0.0.1:${port}/`, 2000)).ok).toBe(true);
    const deadline = Date.now() + 5000;
    let open = -1;
    while (open !== 0 && Date.now() < deadline) {
      open = await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
      if (open !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(open).toBe(0);
  });

  it('fails without throwing on a malformed URL or another scheme', async () => {
    expect(await probeHttp('not a url', 1000)).toMatchObject({ ok: false, message: 'invalid health check URL: "not a url"' });
    expect((await probeHttp('ftp://127.0.0.1/', 1000)).ok).toBe(false);
  });
});
