import { afterEach, describe, expect, it } from 'vitest';
import type { SupervisorEvent } from '../../../src/api/types.js';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec } from '../support.js';
import { connectTo, killDaemons, newHome, RawClient, rssBytes, trackPid } from './support.js';

afterEach(killDaemons);

type Of<T extends SupervisorEvent['type']> = Extract<SupervisorEvent, { type: T }>;

describe('subscriptions over the socket', () => {
  it('sends a snapshot first, then patches with increasing seq as a scale happens', async () => {
    const client = await connectTo(newHome());
    await client.start([fixtureSpec({ name: 'web', script: 'idle.mjs' })]);
    const events: SupervisorEvent[] = [];
    const unsubscribe = client.subscribe((e) => events.push(e));
    await waitFor(() => events.length > 0, { what: 'the snapshot' });
    const snapshot = events[0] as Of<'snapshot'>;
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.state.apps.web?.instances.map((i) => i.status)).toEqual(['online']);

    await client.scale('web', 3);
    const grown = await waitFor(
      () => events.find((e): e is Of<'patch'> => e.type === 'patch' && e.apps.web?.instances.filter((i) => i.status === 'online').length === 3),
      { what: 'a patch with three online instances' },
    );
    expect(grown.apps.web?.instances.map((i) => i.id)).toEqual([0, 1, 2]);
    for (const i of grown.apps.web!.instances) trackPid(i.pid!);
    const seqs = events.map((e) => e.seq);
    expect(seqs[0]).toBe(0);
    expect(seqs.every((seq, k) => k === 0 || seq > seqs[k - 1]!)).toBe(true);
    unsubscribe();
  });

  it('streams the log lines of a chatty app, out and err', async () => {
    const client = await connectTo(newHome());
    const logs: Of<'log'>[] = [];
    client.subscribe((e) => e.type === 'log' && logs.push(e), { logs: { app: 'chat' } });
    await client.start([fixtureSpec({ name: 'chat', script: 'chatter.mjs', env: { LINES: '50' } })]);
    const lines = (stream: 'out' | 'err'): string[] => logs.filter((e) => e.stream === stream).flatMap((e) => e.lines);
    await waitFor(() => lines('out').length === 50 && lines('err').length === 1, { what: '50 lines out and 1 err' });
    expect(lines('out')[0]).toMatch(/^line 00000 x+$/);
    expect(lines('out')[49]).toMatch(/^line 00049 /);
    expect(lines('err')).toEqual(['err from 0']);
    expect(logs.every((e) => e.app === 'chat' && e.instance === 0)).toBe(true);
  });

  it('stops sending to a subscription once it is unsubscribed, on the server side', async () => {
    const home = newHome();
    const client = await connectTo(home);
    await client.start([fixtureSpec({ name: 'web', script: 'idle.mjs' })]);
    const raw = await RawClient.open(home);
    await raw.greet();
    raw.request(1, 'subscribe', [{}]);
    const { result } = await raw.response(1);
    const { subscription } = result as { subscription: number };
    await raw.next((m) => (m.event as SupervisorEvent | undefined)?.type === 'snapshot', 'the snapshot');
    // The response comes before the snapshot it announces.
    expect(raw.messages.findIndex((m) => m.id === 1)).toBeLessThan(raw.messages.findIndex((m) => 'event' in m));

    await client.restart({ app: 'web' });
    await raw.next((m) => (m.event as SupervisorEvent | undefined)?.type === 'patch', 'a patch');
    raw.request(2, 'unsubscribe', [subscription]);
    expect((await raw.response(2)).result).toBe(true);
    const seen = raw.messages.length;
    // Patches of a stop are written before its answer; a ping on the raw socket flushes its queue.
    await client.stop({ app: 'web' });
    raw.request(3, 'ping');
    await raw.response(3);
    expect(raw.messages.slice(seen).map((m) => m.id)).toEqual([3]);
    raw.socket.destroy();
  });

  it('drops log lines for a subscriber that does not read, counts them in one dropped event, and stays small', async () => {
    const home = newHome();
    const client = await connectTo(home);
    const raw = await RawClient.open(home);
    await raw.greet();
    raw.request(1, 'subscribe', [{ logs: true }]);
    await raw.response(1);
    raw.socket.pause();
    const rssBefore = rssBytes(client.server.pid);

    const total = 60_000;
    await client.start([fixtureSpec({ name: 'flood', script: 'chatter.mjs', env: { LINES: String(total), LINE_BYTES: '120' } })]);
    await waitFor(async () => (await client.logs({ app: 'flood', lines: 1, stream: 'out' }))[0]?.line.startsWith(`line ${total - 1} `), {
      what: 'the flood to be written',
    });
    const rssDuring = rssBytes(client.server.pid);
    raw.socket.resume();

    const dropped = (await raw.next((m) => (m.event as SupervisorEvent | undefined)?.type === 'dropped', 'a dropped event')).event as Of<'dropped'>;
    const delivered = raw.messages
      .map((m) => m.event as SupervisorEvent | undefined)
      .filter((e): e is Of<'log'> => e?.type === 'log' && e.stream === 'out')
      .reduce((n, e) => n + e.lines.length, 0);
    expect(dropped.logLines).toBeGreaterThan(0);
    // Every line was either delivered or counted (+1: the one stderr line, which may be either).
    expect([total, total + 1]).toContain(delivered + dropped.logLines);
    // 60000 lines of 120 bytes is 7 MB; the daemon held at most ~4 MiB of it for this subscriber.
    expect(rssDuring - rssBefore).toBeLessThan(40 * 1024 * 1024);
    raw.request(2, 'ping');
    expect((await raw.response(2)).result).toMatchObject({ pid: client.server.pid });
    raw.socket.destroy();
  });
});
