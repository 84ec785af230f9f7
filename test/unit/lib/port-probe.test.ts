import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree, tryBind } from '../../../src/lib/port-probe.js';

const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

// A random start in a high range keeps parallel test files off each other's ports.
async function pickFreePort(): Promise<number> {
  const start = 40_000 + Math.floor(Math.random() * 10_000);
  for (let port = start; port < start + 200; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port in ${start}-${start + 199}`);
}

function listen(port: number, host: string, ipv6Only = false): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port, host, ipv6Only }, () => {
      servers.push(server);
      resolve(server);
    });
  });
}

describe('isPortFree', () => {
  it('reports a port nobody listens on as free and leaves it bindable at once', async () => {
    const port = await pickFreePort();
    expect(await isPortFree(port)).toBe(true);
    await expect(listen(port, '127.0.0.1')).resolves.toBeDefined();
  });

  it('reports a port held on 127.0.0.1 as not free', async () => {
    const port = await pickFreePort();
    await listen(port, '127.0.0.1');
    expect(await isPortFree(port)).toBe(false);
  });

  it('reports a port held on the IPv4 wildcard as not free', async () => {
    const port = await pickFreePort();
    await listen(port, '0.0.0.0');
    expect(await isPortFree(port)).toBe(false);
  });

  it('reports a port held only on IPv6 loopback as not free', async () => {
    const port = await pickFreePort();
    await listen(port, '::1', true);
    expect(await isPortFree(port)).toBe(false);
  });

  it('reports the port free again once the listener closes', async () => {
    const port = await pickFreePort();
    const server = await listen(port, '127.0.0.1');
    await new Promise((resolve) => server.close(resolve));
    expect(await isPortFree(port)).toBe(true);
  });
});

describe('tryBind on the IPv4 wildcard (the fallback when IPv6 is unavailable)', () => {
  it('sees an IPv4 loopback listener as in use and an idle port as free', async () => {
    const port = await pickFreePort();
    expect(await tryBind(port, '0.0.0.0')).toBe('free');
    await listen(port, '127.0.0.1');
    expect(await tryBind(port, '0.0.0.0')).toBe('in-use');
  });

  it('reports an address this host does not have as unavailable rather than in use', async () => {
    const port = await pickFreePort();
    // 192.0.2.0/24 is TEST-NET-1: never assigned to a local interface.
    expect(await tryBind(port, '192.0.2.1')).toBe('address-unavailable');
  });
});
