import { describe, expect, it } from 'vitest';
import { ByteRing } from '../../../src/supervisor/logs/byte-ring.js';
import { createLineTail } from '../../../src/supervisor/logs/line-tail.js';

const b = (text: string): Buffer => Buffer.from(text);

describe('createLineTail', () => {
  it('returns complete lines oldest first, with the unfinished last line at the end', () => {
    const tail = createLineTail();
    tail.push(b('one\ntw'));
    tail.push(b('o\nthr'));
    expect(tail.lines()).toEqual(['one', 'two', 'thr']);
  });

  it('does not invent an empty line after a final newline, but keeps blank lines', () => {
    const tail = createLineTail();
    tail.push(b('a\n\nb\n'));
    expect(tail.lines()).toEqual(['a', '', 'b']);
  });

  it('strips the carriage return of CRLF line endings', () => {
    const tail = createLineTail();
    tail.push(b('dos\r\nline\r\npartial\r'));
    expect(tail.lines()).toEqual(['dos', 'line', 'partial']);
  });

  it('returns only the last n lines, and never more than maxLines', () => {
    const tail = createLineTail({ maxLines: 3 });
    tail.push(b('1\n2\n3\n4\n5\n'));
    expect(tail.lines(2)).toEqual(['4', '5']);
    expect(tail.lines()).toEqual(['3', '4', '5']);
    expect(tail.lines(50)).toEqual(['3', '4', '5']);
    expect(tail.lines(0)).toEqual([]);
  });

  it('holds at most maxBytes and drops the line cut by the byte bound', () => {
    const tail = createLineTail({ maxBytes: 10 });
    tail.push(b('first line\nabc\n'));
    tail.push(b('defg\n'));
    expect(tail.byteLength).toBe(10);
    // Held now: "\nabc\ndefg\n"; next, "bc\ndefg\nhi", whose cut-off "bc" must not show.
    expect(tail.lines()).toEqual(['abc', 'defg']);
    tail.push(b('hi'));
    expect(tail.lines()).toEqual(['defg', 'hi']);
  });

  it('shows the end of a line longer than the whole tail rather than nothing', () => {
    const tail = createLineTail({ maxBytes: 4 });
    tail.push(b('0123456789'));
    expect(tail.lines()).toEqual(['6789']);
  });

  it('decodes a UTF-8 character split across two chunks correctly', () => {
    const tail = createLineTail();
    const euro = b('price: €5\n');
    const cut = euro.indexOf(0xe2) + 1;
    tail.push(euro.subarray(0, cut));
    tail.push(euro.subarray(cut));
    expect(tail.lines()).toEqual(['price: €5']);
  });

  it('keeps a copy, so a chunk reused by its producer does not change the tail', () => {
    const tail = createLineTail();
    const chunk = b('original\n');
    tail.push(chunk);
    chunk.fill(0x78);
    expect(tail.lines()).toEqual(['original']);
  });

  it('forgets everything on clear', () => {
    const tail = createLineTail({ maxBytes: 4 });
    tail.push(b('0123456789'));
    tail.clear();
    expect(tail.lines()).toEqual([]);
    expect(tail.byteLength).toBe(0);
    tail.push(b('ab\n'));
    expect(tail.lines()).toEqual(['ab']);
  });
});

describe('ByteRing', () => {
  it('keeps the most recent bytes in order across many wrap-arounds', () => {
    const ring = new ByteRing(7);
    let all = '';
    for (let i = 0; i < 50; i++) {
      const piece = String(i).repeat((i % 4) + 1);
      all += piece;
      ring.push(b(piece));
      expect(ring.contents().toString()).toBe(all.slice(-7));
    }
    expect(ring.droppedBytes).toBe(true);
  });

  it('grows its storage only as data arrives', () => {
    const ring = new ByteRing(1024 * 1024);
    ring.push(b('small'));
    expect(ring.length).toBe(5);
    expect(ring.droppedBytes).toBe(false);
    expect(ring.contents().toString()).toBe('small');
  });
});
