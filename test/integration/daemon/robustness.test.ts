import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec } from '../support.js';
import { connectTo, killDaemons, newHome, RawClient, rssBytes, trackPid } from './support.js';

afterEach(killDaemons);

/** mulberry32: a seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `data` on a fresh connection, then ends or destroys it at once, and waits for it to close. */
function sendAndLeave(socketPath: string, data: Buffer, destroy: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ path: socketPath }, () => {
      socket.write(data);
      if (destroy) socket.destroy();
      else socket.end();
    });
    socket.on('error', () => undefined);
    socket.resume();
    socket.on('close', () => resolve());
  });
}

describe('the daemon under hostile input', () => {
  it('survives random bytes, half messages, a 5 MiB line, bad JSON, unknown methods and vanishing clients', async () => {
    const home = newHome();
    const client = await connectTo(home);
    await client.start([fixtureSpec({ name: 'web', script: 'idle.mjs', instances: 2 })]);
    for (const row of await client.listProcesses()) trackPid(row.pid!);
    const socketPath = path.join(home, 'daemon.sock');
    const rssBefore = rssBytes(client.server.pid);

    const random = prng(0x5eed);
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, k) => {
          const bytes = Buffer.alloc(1 + Math.floor(random() * 8192), 0);
          for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
          return sendAndLeave(socketPath, bytes, k % 2 === 0);
        }),
      );
    }

    await sendAndLeave(socketPath, Buffer.from('{"id":1,"method":"hello","params":[{"version":"x"}]}\n{"id":2,"method":"listPro'), true);
    await sendAndLeave(socketPath, Buffer.from('{"id":1,"method":"hello","params":[{"vers'), false);

    const huge = await RawClient.open(home);
    huge.send(Buffer.alloc(5 * 1024 * 1024, 'a'));
    const tooLong = await huge.response(null);
    expect(tooLong.error).toMatchObject({ name: 'ProtocolError', message: expect.stringContaining('longer than 1048576 bytes') });
    await huge.closed;

    const raw = await RawClient.open(home);
    raw.request(1, 'listProcesses');
    expect((await raw.response(1)).error).toMatchObject({ name: 'ProtocolError', message: expect.stringContaining('say hello first') });
    raw.send('{nope}\n');
    expect((await raw.response(null)).error).toMatchObject({ name: 'ProtocolError', message: expect.stringContaining('invalid JSON') });
    await raw.greet();
    raw.request(2, 'explode', [1]);
    expect((await raw.response(2)).error).toEqual({ name: 'ProtocolError', message: 'unknown method "explode"' });
    raw.request(3, 'stop', ['web']);
    expect((await raw.response(3)).error).toMatchObject({ name: 'ProtocolError', message: expect.stringContaining('target') });
    raw.request(4, 'listProcesses');
    expect((await raw.response(4)).result).toHaveLength(2);

    // A client that asks for a restart and vanishes before the answer.
    const quitter = await RawClient.open(home);
    await quitter.greet();
    quitter.request(1, 'restart', [{ app: 'web' }]);
    quitter.socket.destroy();
    await waitFor(async () => (await client.listProcesses()).every((r) => r.restarts === 1 && r.status === 'online'), {
      what: 'the abandoned restart to finish',
    });
    for (const row of await client.listProcesses()) trackPid(row.pid!);

    const { rttMs, server } = await client.ping();
    expect(server.pid).toBe(client.server.pid);
    expect(rttMs).toBeLessThan(1000);
    raw.request(5, 'ping');
    expect((await raw.response(5)).result).toMatchObject({ pid: client.server.pid });
    expect(rssBytes(client.server.pid) - rssBefore).toBeLessThan(48 * 1024 * 1024);
    expect(fs.readFileSync(path.join(home, 'daemon.log'), 'utf8')).not.toMatch(/uncaught|unhandled|failed/);
    raw.socket.destroy();
  });

  it('answers a client that sends its request and half-closes the socket', async () => {
    const home = newHome();
    await connectTo(home);
    const raw = await RawClient.open(home);
    raw.send('{"id":1,"method":"hello","params":[{"version":"nc"}]}\n{"id":2,"method":"listProcesses"}\n');
    raw.socket.end();
    await raw.closed;
    expect(raw.messages.map((m) => m.id)).toEqual([1, 2]);
    expect(raw.messages[1]).toEqual({ id: 2, result: [] });
  });
});
