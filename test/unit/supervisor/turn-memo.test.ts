import { describe, expect, it } from 'vitest';
import { memoForTurn } from '../../../src/supervisor/turn-memo.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('memoForTurn', () => {
  it('computes each key once within a turn', () => {
    const calls: string[] = [];
    const upper = memoForTurn((key: string) => (calls.push(key), key.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('computes afresh in a later turn, so a change made meanwhile is seen', async () => {
    let value = 1;
    const read = memoForTurn((_key: string) => value);
    expect(read('x')).toBe(1);
    value = 2;
    expect(read('x')).toBe(1);
    await nextTurn();
    expect(read('x')).toBe(2);
  });

  it('remembers nothing when the computation throws', () => {
    let fail = true;
    const read = memoForTurn((_key: string) => {
      if (fail) throw new Error('not yet');
      return 'ok';
    });
    expect(() => read('x')).toThrow('not yet');
    fail = false;
    expect(read('x')).toBe('ok');
  });
});
