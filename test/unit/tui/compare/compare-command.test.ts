import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compare } from '../../../../src/cli/commands/compare.js';
import { parseFlags } from '../../../../src/cli/flags.js';
import type { CompareModel } from '../../../../src/tui/compare/build-compare.js';
import { fakeContext } from '../topology/fake-cli.js';
import { threeTier, wireApp } from '../topology/wire-fixtures.js';

const run = (argv: string[], ctx: ReturnType<typeof fakeContext>['ctx']) => compare.run(parseFlags(argv, compare.flags, 'compare'), ctx);

function apps() {
  const all = threeTier();
  all.api!.instances = all.api!.instances.map((i) => ({ ...i, restarts: i.id === 2 ? 5 : 0 }));
  return all;
}

describe('pmdaemon compare', () => {
  it('prints the instances side by side with the outlier marked', async () => {
    const fake = fakeContext(apps());
    expect(await run(['api'], fake.ctx)).toBe(0);
    const lines = fake.output().trimEnd().split('\n');
    expect(lines[0]).toBe('api  4 instances  no cpu samples yet');
    expect(lines[1]).toMatch(/^ +api-0 +api-1 +api-2 +api-3$/);
    expect(lines).toContainEqual(expect.stringMatching(/^restarts +0 +0 +5! +0$/));
    expect(lines.at(-1)).toBe('! = over 1.5x the median of the row');
  });

  it('prints the model as JSON, only the differing metrics with --differences', async () => {
    const fake = fakeContext(apps());
    await run(['api', '--json', '--differences'], fake.ctx);
    const model = JSON.parse(fake.output()) as CompareModel;
    expect(model.rows.map((r) => r.metric)).toEqual(['restarts']);
    expect(model.rows[0]!.cells.map((c) => c.outlier)).toEqual([false, false, true, false]);
  });

  it('refuses an unknown app', async () => {
    await expect(run(['nope'], fakeContext(apps()).ctx)).rejects.toMatchObject({ name: 'UnknownAppError' });
  });
});

describe('pmdaemon compare all', () => {
  // Uptime is shown, so every run in a test must see the same clock.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_700_000_000_000);
  });
  afterEach(() => vi.useRealTimers());

  async function textOf(argv: string[]): Promise<string> {
    const fake = fakeContext(apps());
    expect(await run(argv, fake.ctx)).toBe(0);
    return fake.output();
  }

  it('prints each app\'s table as "compare <app>" does, in name order, separated by a blank line', async () => {
    const sections = await Promise.all(['api', 'frontend', 'worker'].map((app) => textOf([app])));
    expect(await textOf(['all'])).toBe(sections.join('\n'));
  });

  it('applies --differences to every app', async () => {
    const sections = await Promise.all(['api', 'frontend', 'worker'].map((app) => textOf([app, '--differences'])));
    const all = await textOf(['all', '--differences']);
    expect(all).toBe(sections.join('\n'));
    expect(all).toMatch(/^restarts +0 +0 +5! +0$/m);
    expect(all).not.toMatch(/^status /m);
  });

  it('prints one JSON array of the per-app models in name order', async () => {
    const fake = fakeContext(apps());
    await run(['all', '--json'], fake.ctx);
    const models = JSON.parse(fake.output()) as CompareModel[];
    expect(models.map((m) => m.app)).toEqual(['api', 'frontend', 'worker']);
    const single = fakeContext(apps());
    await run(['frontend', '--json'], single.ctx);
    expect(models[1]).toEqual(JSON.parse(single.output()));
  });

  it('keeps only the differing metrics of each model with --json --differences', async () => {
    const fake = fakeContext(apps());
    await run(['all', '--json', '--differences'], fake.ctx);
    const models = JSON.parse(fake.output()) as CompareModel[];
    expect(models.map((m) => [m.app, m.rows.map((r) => r.metric)])).toEqual([
      ['api', ['restarts']],
      ['frontend', []],
      ['worker', []],
    ]);
  });

  it('still shows an app that has no instances', async () => {
    const fake = fakeContext({ ...apps(), idle: wireApp({ name: 'idle', instances: 0 }) });
    await run(['all'], fake.ctx);
    expect(fake.output()).toContain('\n\nidle  0 instances  no cpu samples yet\n');
  });

  it('says there is nothing to compare on a daemon with no apps, and prints [] with --json', async () => {
    const text = fakeContext({});
    expect(await run(['all'], text.ctx)).toBe(0);
    expect(text.output()).toBe('no apps to compare\n');
    const json = fakeContext({});
    expect(await run(['all', '--json'], json.ctx)).toBe(0);
    expect(JSON.parse(json.output())).toEqual([]);
  });
});
