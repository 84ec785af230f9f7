import { describe, expect, it } from 'vitest';
import { pushHistory } from '../../../src/supervisor/metrics/history.js';

describe('pushHistory', () => {
  it('appends to a new array and leaves the old one untouched', () => {
    const before = Object.freeze([1, 2]);
    const after = pushHistory(before, 3);
    expect(after).toEqual([1, 2, 3]);
    expect(before).toEqual([1, 2]);
  });

  it('drops the oldest items beyond max', () => {
    expect(pushHistory([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(pushHistory([1, 2, 3, 4, 5], 6, 2)).toEqual([5, 6]);
  });

  it('keeps 120 items by default', () => {
    const full = Array.from({ length: 120 }, (_, i) => i);
    const next = pushHistory(full, 120);
    expect(next).toHaveLength(120);
    expect(next[0]).toBe(1);
    expect(next[119]).toBe(120);
  });

  it('returns an empty array when max is below 1', () => {
    expect(pushHistory([1], 2, 0)).toEqual([]);
  });
});
