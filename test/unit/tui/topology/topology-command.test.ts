import { describe, expect, it } from 'vitest';
import { fetchSnapshot, topology } from '../../../../src/cli/commands/topology.js';
import { parseFlags } from '../../../../src/cli/flags.js';
import type { TopologyModel } from '../../../../src/tui/topology/build-topology.js';
import { fakeContext } from './fake-cli.js';
import { threeTier } from './wire-fixtures.js';

const run = (argv: string[], ctx: ReturnType<typeof fakeContext>['ctx']) => topology.run(parseFlags(argv, topology.flags, 'topology'), ctx);

describe('pmdaemon topology', () => {
  it('prints the model as one JSON document with --json', async () => {
    const fake = fakeContext(threeTier());
    expect(await run(['all', '--json'], fake.ctx)).toBe(0);
    const model = JSON.parse(fake.output()) as TopologyModel;
    expect(model.edges).toEqual([{ from: 'frontend', to: 'api', via: 'env', detail: 'env BACKEND_URLS', envKeys: ['BACKEND_URLS'] }]);
    expect(model.rows.filter((r) => r.kind === 'app').map((r) => r.label)).toEqual(['api', 'frontend', 'worker']);
    expect(fake.calls).toEqual({ subscribed: 1, unsubscribed: 1 });
  });

  it('prints one app\'s tree and its edges as plain text (ASCII without a UTF-8 locale)', async () => {
    const fake = fakeContext(threeTier());
    await run(['api'], fake.ctx);
    const text = fake.output();
    expect(text).toContain('`- api  4/4 online');
    expect(text).not.toContain('frontend-0');
    expect(text).toContain('frontend -> api  (env BACKEND_URLS)');
    expect(text).not.toContain('\x1b[');
  });

  it('names the known apps when the app is unknown', async () => {
    const fake = fakeContext(threeTier());
    const error = await run(['nope'], fake.ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnknownAppError', message: 'no app named "nope"; known apps: api, frontend, worker' });
  });

  it('asks for an app name when none is given', async () => {
    await expect(run([], fakeContext({}).ctx)).rejects.toMatchObject({ name: 'UsageError' });
  });
});

describe('fetchSnapshot', () => {
  it('waits for a snapshot that comes after subscribe returns, then unsubscribes', async () => {
    const fake = fakeContext(threeTier(), { asyncSnapshot: true });
    const state = await fetchSnapshot(fake.client);
    expect(Object.keys(state.apps).sort()).toEqual(['api', 'frontend', 'worker']);
    expect(fake.calls.unsubscribed).toBe(1);
  });

  it('fails with SnapshotTimeoutError when no snapshot comes', async () => {
    const fake = fakeContext({}, { noSnapshot: true });
    await expect(fetchSnapshot(fake.client, 50)).rejects.toMatchObject({ name: 'SnapshotTimeoutError' });
    expect(fake.calls.unsubscribed).toBe(1);
  });
});
