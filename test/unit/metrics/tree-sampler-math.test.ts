import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTreeSampler } from '../../../src/supervisor/metrics/tree-sampler.js';
import { fakeProc } from './fake-proc.js';

// The fake /proc has no self/auxv, so the sampler uses 4096-byte pages and 100 ticks/s.
let proc: ReturnType<typeof fakeProc>;
let clock = 0;
const now = (): number => clock;
beforeEach(() => {
  proc = fakeProc();
  clock = 10_000;
});
afterEach(() => proc.cleanup());

describe('createTreeSampler arithmetic', () => {
  it('turns the tick delta of a tree over the wall delta into percent of one core', () => {
    proc.put({ pid: 10, ticks: 100, rssPages: 10, children: { 10: [11] } });
    proc.put({ pid: 11, ppid: 10, ticks: 50, rssPages: 5 });
    const sampler = createTreeSampler({ procRoot: proc.root, now });
    expect(sampler.sample([10]).get(10)).toEqual({ cpu: 0, memory: 15 * 4096, pids: [10, 11] });
    proc.put({ pid: 10, ticks: 150, rssPages: 10, children: { 10: [11] } });
    proc.put({ pid: 11, ppid: 10, ticks: 150, rssPages: 5 });
    clock += 1000;
    // 50 + 100 ticks = 1.5 s of CPU in 1 s of wall time.
    expect(sampler.sample([10]).get(10)?.cpu).toBeCloseTo(150);
  });

  it('parses a comm holding spaces and parentheses from the last paren', () => {
    proc.put({ pid: 20, comm: 'my (weird) app) 1 2', ticks: 7, rssPages: 3 });
    const sampler = createTreeSampler({ procRoot: proc.root, now });
    sampler.sample([20]);
    proc.put({ pid: 20, comm: 'my (weird) app) 1 2', ticks: 57, rssPages: 3 });
    clock += 2000;
    expect(sampler.sample([20]).get(20)).toEqual({ cpu: 25, memory: 3 * 4096, pids: [20] });
  });

  it('counts a reused pid as a new process at 0 %', () => {
    proc.put({ pid: 30, ticks: 100, startTime: 500 });
    const sampler = createTreeSampler({ procRoot: proc.root, now });
    sampler.sample([30]);
    proc.put({ pid: 30, ticks: 900, startTime: 777 });
    clock += 1000;
    expect(sampler.sample([30]).get(30)?.cpu).toBe(0);
  });

  it('forgets a pid that was not sampled in the previous round', () => {
    proc.put({ pid: 40, ticks: 100 });
    const sampler = createTreeSampler({ procRoot: proc.root, now });
    sampler.sample([40]);
    clock += 1000;
    sampler.sample([]);
    proc.put({ pid: 40, ticks: 200 });
    clock += 1000;
    expect(sampler.sample([40]).get(40)?.cpu).toBe(0);
  });

  it('skips a child that vanished between listing and reading', () => {
    proc.put({ pid: 50, rssPages: 1, children: { 50: [51, 52] } });
    proc.put({ pid: 52, ppid: 50, rssPages: 2 });
    const s = createTreeSampler({ procRoot: proc.root, now }).sample([50]).get(50);
    expect(s?.pids.sort()).toEqual([50, 52]);
    expect(s?.memory).toBe(3 * 4096);
  });

  it('ignores a listed child whose ppid says it belongs to someone else', () => {
    proc.put({ pid: 60, children: { 60: [61] } });
    proc.put({ pid: 61, ppid: 999 });
    expect(createTreeSampler({ procRoot: proc.root, now }).sample([60]).get(60)?.pids).toEqual([60]);
  });

  it('reads other threads on the first sight, then every threadScanEvery rounds, checking ppid between', () => {
    // Two threads: 70 (main) and 71, which forked 72.
    proc.put({ pid: 70, children: { 70: [], 71: [72] } });
    proc.put({ pid: 72, ppid: 70 });
    const sampler = createTreeSampler({ procRoot: proc.root, now, threadScanEvery: 1000 });
    expect(sampler.sample([70]).get(70)?.pids).toEqual([70, 72]);
    // 72 exits and its pid is taken by a stranger: the remembered child fails the ppid check.
    proc.put({ pid: 72, ppid: 1 });
    expect(sampler.sample([70]).get(70)?.pids).toEqual([70]);
  });

  it('picks up a new child of another thread at the next thread scan', () => {
    proc.put({ pid: 2, children: { 2: [], 3: [] } });
    const sampler = createTreeSampler({ procRoot: proc.root, now, threadScanEvery: 2 });
    const rounds: number[][] = [];
    sampler.sample([2]); // tick 0: first sight, scan
    proc.put({ pid: 2, children: { 2: [], 3: [9] } });
    proc.put({ pid: 9, ppid: 2 });
    for (let i = 0; i < 2; i++) rounds.push(sampler.sample([2]).get(2)?.pids ?? []);
    // tick 1: (1 + 2) % 2 ≠ 0, remembered empty list; tick 2: (2 + 2) % 2 = 0, rescanned.
    expect(rounds).toEqual([[2], [2, 9]]);
  });

  it('counts a child listed under two threads once', () => {
    proc.put({ pid: 90, children: { 90: [91], 92: [91] } });
    proc.put({ pid: 91, ppid: 90, rssPages: 4 });
    expect(createTreeSampler({ procRoot: proc.root, now }).sample([90]).get(90)).toEqual({ cpu: 0, memory: 4 * 4096, pids: [90, 91] });
  });

  it('counts a process shared by two overlapping roots in both trees', () => {
    proc.put({ pid: 80, children: { 80: [81] } });
    proc.put({ pid: 81, ppid: 80, ticks: 0 });
    const sampler = createTreeSampler({ procRoot: proc.root, now });
    sampler.sample([80, 81]);
    proc.put({ pid: 81, ppid: 80, ticks: 100 });
    clock += 1000;
    const result = sampler.sample([80, 81]);
    expect(result.get(80)?.cpu).toBeCloseTo(100);
    expect(result.get(81)?.cpu).toBeCloseTo(100);
  });

  it('returns nothing for roots that are not positive integers', () => {
    expect(createTreeSampler({ procRoot: proc.root, now }).sample([0, -1, 1.5]).size).toBe(0);
  });
});
