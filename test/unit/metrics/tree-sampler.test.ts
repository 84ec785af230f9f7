import { afterEach, describe, expect, it } from 'vitest';
import { createTreeSampler, type TreeSample } from '../../../src/supervisor/metrics/tree-sampler.js';
import { processGroups, waitFor } from '../../helpers/processes.js';

const node = process.execPath;
const groups = processGroups();
afterEach(() => groups.killAll());

/** Samples `pid` every 100 ms until `accept` holds for its tree. */
function sampleUntil(pid: number, accept: (s: TreeSample) => boolean, what: string): Promise<TreeSample> {
  const sampler = createTreeSampler();
  return waitFor(
    () => {
      const s = sampler.sample([pid]).get(pid);
      return s !== undefined && accept(s) ? s : undefined;
    },
    // 200 ms apart, like a real sampling period: /proc counts CPU in 10 ms ticks, so two samples
    // 10 ms apart can read 190 % for one busy core.
    { what, intervalMs: 200 },
  );
}

function pidOf(child: { pid?: number | undefined }): number {
  if (child.pid === undefined) throw new Error('spawn failed');
  return child.pid;
}

describe('createTreeSampler on real processes', () => {
  it('reads more than 50 % for a child burning a core', async () => {
    const pid = pidOf(groups.start(node, ['-e', 'for(;;){}']));
    const s = await sampleUntil(pid, (t) => t.cpu > 50, 'cpu > 50 %');
    expect(s.pids).toEqual([pid]);
    expect(s.cpu).toBeLessThan(150);
  });

  it('reports 0 % on the first sample of a pid', () => {
    const pid = pidOf(groups.start(node, ['-e', 'for(;;){}']));
    expect(createTreeSampler().sample([pid]).get(pid)?.cpu).toBe(0);
  });

  it('reads less than 5 % for an idle child', async () => {
    const pid = pidOf(groups.start('sleep', ['600']));
    const sampler = createTreeSampler();
    const samples: number[] = [];
    // Four samples 150 ms apart: three real CPU readings of an idle process.
    await waitFor(() => {
      samples.push(sampler.sample([pid]).get(pid)?.cpu ?? NaN);
      return samples.length >= 4;
    }, { intervalMs: 150 });
    expect(samples.slice(1).every((cpu) => cpu >= 0 && cpu < 5)).toBe(true);
  });

  it('shows the RSS of a child that allocates and touches 100 MB', async () => {
    const script = 'const b = Buffer.alloc(100 * 1024 * 1024, 1); setInterval(() => b[0]++, 1000)';
    const pid = pidOf(groups.start(node, ['-e', script]));
    const s = await sampleUntil(pid, (t) => t.memory > 90 * 1024 * 1024, 'RSS > 90 MB');
    expect(s.memory).toBeLessThan(400 * 1024 * 1024);
  });

  it('includes the grandchildren of a root and their CPU', async () => {
    // sh → sh → node: the burner is two levels below the root.
    const inner = `"${node}" -e "for(;;){}" & wait`;
    const root = pidOf(groups.start('/bin/sh', ['-c', '/bin/sh -c "$INNER" & wait'], { ...process.env, INNER: inner }));
    const s = await sampleUntil(root, (t) => t.pids.length === 3 && t.cpu > 50, 'a 3-process tree above 50 %');
    expect(s.pids[0]).toBe(root);
    expect(new Set(s.pids).size).toBe(3);
    const leafOnly = createTreeSampler().sample(s.pids.slice(2));
    expect(leafOnly.get(s.pids[2] ?? 0)?.pids).toHaveLength(1);
  });

  it('finds children forked by a thread other than the main one', async () => {
    // A worker thread has its own loop thread, so its spawn forks from a non-main thread.
    const script = [
      "const { Worker } = require('node:worker_threads');",
      "new Worker(\"require('node:child_process').spawn('sleep', ['600'], { stdio: 'ignore' }); setInterval(() => {}, 1e9)\", { eval: true });",
      'setInterval(() => {}, 1e9);',
    ].join('\n');
    const root = pidOf(groups.start(node, ['-e', script]));
    const s = await sampleUntil(root, (t) => t.pids.length === 2, 'the sleep child of the worker thread');
    expect(s.pids[0]).toBe(root);
  });

  it('leaves a dead pid out of the result', async () => {
    const child = groups.start('/bin/true', []);
    const pid = pidOf(child);
    await new Promise((resolve) => child.once('exit', resolve));
    const alive = pidOf(groups.start('sleep', ['600']));
    const result = createTreeSampler().sample([pid, alive]);
    expect(result.has(pid)).toBe(false);
    expect(result.get(alive)?.pids).toEqual([alive]);
  });
});
