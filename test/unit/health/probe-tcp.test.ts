import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTcp } from '../../../src/supervisor/health/probe-tcp.js';

const servers: net.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listen(): Promise<{ server: net.Server; port: number }> {
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('probeTcp', () => {
  it('is ok when the port accepts a connection, and closes it', async () => {
    const { server, port } = await listen();
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    expect(await probeTcp('127.0.0.1', port, 2000)).toMatchObject({ ok: true, message: `connected to 127.0.0.1:${port}` });
    const socket = await accepted;
    if (!socket.closed) await new Promise((resolve) => socket.once('close', resolve));
    expect(socket.closed).toBe(true);
  });

  it('reports a refused connection on a closed port', async () => {
    const { server, port } = await listen();
    servers.pop();
    await new Promise((resolve) => server.close(resolve));
    expect(await probeTcp('127.0.0.1', port, 2000)).toMatchObject({ ok: false, message: `ECONNREFUSED 127.0.0.1:${port}` });
  });

  it('reports a port out of range without throwing', async () => {
    const result = await probeTcp('127.0.0.1', 70000, 1000);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/70000/);
  });
});
