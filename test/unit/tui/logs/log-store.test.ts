import { describe, expect, it } from 'vitest';
import { createLogStore, LINE_OVERHEAD } from '../../../../src/tui/logs/log-store.js';
import { createRing } from '../../../../src/tui/logs/log-ring.js';

const texts = (lines: readonly { text: string }[]) => lines.map((line) => line.text);

describe('createRing', () => {
  it('keeps the last items with their absolute sequence numbers', () => {
    const ring = createRing<string>(3);
    for (const item of ['a', 'b', 'c', 'd', 'e']) ring.push(item);
    expect([ring.first, ring.end, ring.size]).toEqual([2, 5, 3]);
    expect(ring.slice(0, 10)).toEqual(['c', 'd', 'e']);
    expect(ring.slice(3, 1)).toEqual(['d']);
    expect(ring.get(1)).toBeUndefined();
    expect(ring.get(4)).toBe('e');
  });

  it('returns what a push or a shift drops', () => {
    const ring = createRing<number>(2);
    expect(ring.push(1)).toBeUndefined();
    ring.push(2);
    expect(ring.push(3)).toBe(1);
    expect(ring.shift()).toBe(2);
    expect(ring.slice(0, 9)).toEqual([3]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createRing(0)).toThrow(RangeError);
  });
});

describe('createLogStore', () => {
  it('keeps each instance\'s lines in order with sequence numbers that only grow', () => {
    const store = createLogStore({ perInstance: 3 });
    store.append('web', 0, 'out', ['a', 'b']);
    store.append('web', 0, 'err', ['c', 'd']);
    expect(store.range({ app: 'web', instance: 0 })).toEqual({ first: 1, end: 4 });
    expect(texts(store.lines({ app: 'web', instance: 0 }, { count: 10 }).lines)).toEqual(['b', 'c', 'd']);
    const since = store.lines({ app: 'web', instance: 0 }, { from: 2, count: 10 });
    expect(since.from).toBe(2);
    expect(texts(since.lines)).toEqual(['c', 'd']);
    expect(since.lines.map((line) => line.stream)).toEqual(['err', 'err']);
  });

  it('keeps 5,000 lines of an instance after a million appends', () => {
    const store = createLogStore();
    const batch = Array.from({ length: 1_000 }, (_, i) => `line ${i} of a flooding instance`);
    for (let k = 0; k < 1_000; k++) store.append('flood', 0, 'out', batch);
    expect(store.range({ app: 'flood', instance: 0 })).toEqual({ first: 995_000, end: 1_000_000 });
    expect(store.usage().lines).toBe(5_000);
    expect(store.lines({ app: 'flood', instance: 0 }, { count: 1 }).lines[0]?.text).toBe('line 999 of a flooding instance');
  });

  it('sanitises lines on arrival', () => {
    const store = createLogStore();
    store.append('web', 0, 'out', ['\x1b[2Jclear\x07', '\x1b[31mred']);
    expect(texts(store.lines({ app: 'web', instance: 0 }, { count: 2 }).lines)).toEqual(['clear^G', '\x1b[31mred\x1b[0m']);
  });

  it('interleaves the instances of an app in arrival order in the merged view', () => {
    const store = createLogStore();
    store.append('web', 1, 'out', ['1a']);
    store.append('web', 0, 'out', ['0a', '0b']);
    store.append('api', 0, 'out', ['other app']);
    store.append('web', 1, 'err', ['1b']);
    const merged = store.merged('web', 10);
    expect(merged.map((line) => [line.instance, line.text])).toEqual([
      [1, '1a'],
      [0, '0a'],
      [0, '0b'],
      [1, '1b'],
    ]);
    expect(merged.map((line) => line.arrival)).toEqual([...merged.map((line) => line.arrival)].sort((a, b) => a - b));
    expect(store.range({ app: 'web' })).toEqual({ first: 0, end: 4 });
    expect(texts(store.merged('web', 2))).toEqual(['0b', '1b']);
  });

  it('keeps in the merged view only lines their instance still keeps', () => {
    const store = createLogStore({ perInstance: 3, perApp: 10 });
    store.append('web', 1, 'out', ['quiet early']);
    store.append('web', 0, 'out', ['a', 'b']);
    store.append('web', 1, 'out', ['quiet late']);
    store.append('web', 0, 'out', ['c', 'd']);
    expect(texts(store.merged('web', 10))).toEqual(['b', 'quiet late', 'c', 'd']);
    expect(store.range({ app: 'web' })).toEqual({ first: 2, end: 6 });
  });

  it('bounds the merged view too', () => {
    const store = createLogStore({ perInstance: 4 });
    for (let i = 0; i < 10; i++) store.append('web', i % 3, 'out', [`l${i}`]);
    expect(texts(store.merged('web', 100))).toEqual(['l6', 'l7', 'l8', 'l9']);
  });

  it('stays within its memory budget, evicting from the flooding instance first', () => {
    const line = 'x'.repeat(68);
    const cost = line.length + LINE_OVERHEAD;
    const store = createLogStore({ perInstance: 1_000, maxChars: 200 * cost });
    store.append('quiet', 0, 'out', Array.from({ length: 10 }, () => line));
    for (let k = 0; k < 100; k++) store.append('loud', 0, 'out', Array.from({ length: 50 }, () => line));
    expect(store.usage().chars).toBeLessThanOrEqual(200 * cost);
    expect(store.range({ app: 'quiet', instance: 0 })).toEqual({ first: 0, end: 10 });
    expect(store.range({ app: 'loud', instance: 0 }).end).toBe(5_000);
  });

  it('answers empty for sources it has never seen', () => {
    const store = createLogStore();
    expect(store.lines({ app: 'nope', instance: 3 }, { count: 5 })).toEqual({ from: 0, lines: [] });
    expect(store.range({ app: 'nope' })).toEqual({ first: 0, end: 0 });
    expect(store.merged('nope', 5)).toEqual([]);
  });

  it('changes version on every append and clear, not on reads', () => {
    const store = createLogStore();
    const v0 = store.version();
    store.append('web', 0, 'out', ['a']);
    const v1 = store.version();
    store.lines({ app: 'web', instance: 0 }, { count: 1 });
    store.append('web', 0, 'out', []);
    expect(store.version()).toBe(v1);
    store.clearApp('web');
    expect(new Set([v0, v1, store.version()]).size).toBe(3);
  });

  it('forgets an app on clearApp and frees its budget', () => {
    const store = createLogStore();
    store.append('web', 0, 'out', ['a']);
    store.append('web', 2, 'out', ['b']);
    store.append('api', 0, 'out', ['c']);
    expect(store.instances('web')).toEqual([0, 2]);
    store.clearApp('web');
    expect(store.instances('web')).toEqual([]);
    expect(store.merged('web', 5)).toEqual([]);
    expect(store.usage()).toEqual({ lines: 1, chars: 1 + LINE_OVERHEAD });
  });
});
