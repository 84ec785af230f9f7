import { describe, expect, it } from 'vitest';
import { compare } from '../../../../src/cli/commands/compare.js';
import { parseFlags } from '../../../../src/cli/flags.js';
import type { CompareModel } from '../../../../src/tui/compare/build-compare.js';
import { fakeContext } from '../topology/fake-cli.js';
import { threeTier } from '../topology/wire-fixtures.js';

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

  it('refuses "all" and unknown apps', async () => {
    await expect(run(['all'], fakeContext(apps()).ctx)).rejects.toMatchObject({ name: 'UsageError' });
    await expect(run(['nope'], fakeContext(apps()).ctx)).rejects.toMatchObject({ name: 'UnknownAppError' });
  });
});
