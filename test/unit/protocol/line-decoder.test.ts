import { describe, expect, it } from 'vitest';
import { createLineDecoder } from '../../../src/protocol/line-decoder.js';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('createLineDecoder', () => {
  it('returns each complete line of a chunk and keeps the unfinished end for the next one', () => {
    const decoder = createLineDecoder(100);
    expect(decoder.push(b('one\ntwo\nthr'))).toEqual({ lines: ['one', 'two'], overflow: false });
    expect(decoder.pending).toBe(3);
    expect(decoder.push(b('ee\n'))).toEqual({ lines: ['three'], overflow: false });
    expect(decoder.pending).toBe(0);
  });

  it('joins a line split across many chunks, including a multi-byte character cut in half', () => {
    const decoder = createLineDecoder(100);
    const bytes = b('{"a":"é€"}\n');
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i++) lines.push(...decoder.push(bytes.subarray(i, i + 1)).lines);
    expect(lines).toEqual(['{"a":"é€"}']);
  });

  it('keeps empty lines as empty strings', () => {
    expect(createLineDecoder(10).push(b('\n\nx\n')).lines).toEqual(['', '', 'x']);
  });

  it('accepts a line of exactly the limit', () => {
    const decoder = createLineDecoder(5);
    expect(decoder.push(b('12345\n'))).toEqual({ lines: ['12345'], overflow: false });
    expect(decoder.push(b('123')).overflow).toBe(false);
    expect(decoder.push(b('45\n'))).toEqual({ lines: ['12345'], overflow: false });
  });

  it('reports an overflow as soon as an unfinished line passes the limit, without holding it', () => {
    const decoder = createLineDecoder(5);
    expect(decoder.push(b('ok\n123'))).toEqual({ lines: ['ok'], overflow: false });
    expect(decoder.push(b('456'))).toEqual({ lines: [], overflow: true });
    expect(decoder.pending).toBe(0);
  });

  it('reports an overflow for a finished line longer than the limit, keeping the lines before it', () => {
    expect(createLineDecoder(5).push(b('a\n123456\nb\n'))).toEqual({ lines: ['a'], overflow: true });
  });

  it('stays in overflow: nothing after a too-long line is trusted', () => {
    const decoder = createLineDecoder(5);
    decoder.push(b('1234567'));
    expect(decoder.push(b('\nfine\n'))).toEqual({ lines: [], overflow: true });
  });

  it('is not confused when the caller reuses the chunk buffer', () => {
    const decoder = createLineDecoder(100);
    const chunk = b('abc');
    decoder.push(chunk);
    chunk.write('xyz');
    expect(decoder.push(b('\n')).lines).toEqual(['abc']);
  });
});
