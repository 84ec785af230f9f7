import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../../src/tui/ink/bounded-memo.js';

describe('boundedMemo', () => {
  it('answers a repeated string from memory and forgets everything once it holds max answers', () => {
    const calls: string[] = [];
    const length = boundedMemo((text: string) => {
      calls.push(text);
      return text.length;
    }, 2);
    expect([length('a'), length('bb'), length('a'), length('bb')]).toEqual([1, 2, 1, 2]);
    expect(calls).toEqual(['a', 'bb']);
    length('ccc');
    length('a');
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
