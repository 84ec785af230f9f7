import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageVersion } from '../../../src/cli/commands/version.js';
import { fastCommand, runFastCommand } from '../../../src/bin/fast-path.js';

const homes: string[] = [];
const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

/** A home whose daemon.sock is a fake daemon answering each request line with `answer(request)` (undefined: say nothing). */
async function fakeDaemon(answer: (request: { id: number; method: string }) => object | undefined): Promise<string> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  homes.push(home);
  const server = net.createServer((socket) => {
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
        const reply = answer(JSON.parse(buffered.slice(0, end)) as { id: number; method: string });
        buffered = buffered.slice(end + 1);
        if (reply) socket.write(`${JSON.stringify(reply)}\n`);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path.join(home, 'daemon.sock'), resolve));
  return home;
}

const info = { version: packageVersion(), pid: 4242, startedAt: Date.now() - 65_000, home: '/h' };

async function run(argv: string[], home: string, deadlineMs?: number): Promise<{ answered: boolean; out: string }> {
  let out = '';
  const command = fastCommand(argv);
  if (!command) throw new Error(`${argv.join(' ')} has no fast path`);
  const answered = await runFastCommand(command, { env: { PMDAEMON_HOME: home }, write: (text) => (out += text), ...(deadlineMs ? { deadlineMs } : {}) });
  return { answered, out };
}

describe('fastCommand', () => {
  it('takes exactly ping, ping --json, list --json and ls --json', () => {
    expect(fastCommand(['ping'])).toEqual({ method: 'ping', json: false });
    expect(fastCommand(['ping', '--json'])).toEqual({ method: 'ping', json: true });
    expect(fastCommand(['list', '--json'])).toEqual({ method: 'listProcesses', json: true });
    expect(fastCommand(['ls', '--json'])).toEqual({ method: 'listProcesses', json: true });
  });

  it('leaves every other command line to the full CLI', () => {
    for (const argv of [[], ['list'], ['ping', '--jsn'], ['ping', '--json', '--help'], ['list', '--json', 'x'], ['info', '--json'], ['--help']]) {
      expect(fastCommand(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('runFastCommand', () => {
  it('prints ping as the full CLI does after the hello of a daemon of this version', async () => {
    const home = await fakeDaemon((r) => ({ id: r.id, result: info }));
    const { answered, out } = await run(['ping'], home);
    expect(answered).toBe(true);
    expect(out).toMatch(/^pong: \d+\.\d\d ms round trip; daemon pid 4242, version \S+, up 1m 5s\n$/);
  });

  it('prints list --json as the indented array of rows', async () => {
    const rows = [{ id: 'web-0', app: 'web', pid: 7, status: 'online' }];
    const home = await fakeDaemon((r) => ({ id: r.id, result: r.method === 'hello' ? info : rows }));
    const { answered, out } = await run(['ls', '--json'], home);
    expect(answered).toBe(true);
    expect(out).toBe(`${JSON.stringify(rows, null, 2)}\n`);
  });

  it('hands over, printing nothing, when no daemon listens', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
    homes.push(home);
    expect(await run(['ping'], home)).toEqual({ answered: false, out: '' });
  });

  it('hands over to the full CLI (and its version message) when the daemon runs another version', async () => {
    const home = await fakeDaemon((r) => ({ id: r.id, result: { ...info, version: '0.0.0-other' } }));
    expect(await run(['list', '--json'], home)).toEqual({ answered: false, out: '' });
  });

  it('hands over when the daemon answers with an error', async () => {
    const home = await fakeDaemon((r) => (r.method === 'hello' ? { id: r.id, result: info } : { id: r.id, error: { name: 'Boom', message: 'no' } }));
    expect(await run(['list', '--json'], home)).toEqual({ answered: false, out: '' });
  });

  it('hands over when the daemon accepts but never answers, at the deadline', async () => {
    const home = await fakeDaemon(() => undefined);
    const started = Date.now();
    expect(await run(['ping'], home, 200)).toEqual({ answered: false, out: '' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
