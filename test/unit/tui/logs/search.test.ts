import { describe, expect, it } from 'vitest';
import { findHits, highlight, stepHit, stripSgr } from '../../../../src/tui/logs/search.js';

const ESC = '\x1b';
const RED = `${ESC}[31m`;
const BOLD = `${ESC}[1m`;
const RESET = `${ESC}[0m`;

const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('findHits', () => {
  it('finds every case-insensitive match, line by line, in order', () => {
    const hits = findHits(['Error one', 'fine', 'error ERROR', 'no'], 'error');
    expect(hits).toEqual([
      { line: 0, occurrence: 0 },
      { line: 2, occurrence: 0 },
      { line: 2, occurrence: 1 },
    ]);
  });

  it('ignores colour codes when matching', () => {
    expect(findHits([`${RED}ERR${RESET}OR here`], 'error')).toEqual([{ line: 0, occurrence: 0 }]);
    expect(findHits([`${RED}x`], '31m')).toEqual([]);
  });

  it('counts non-overlapping matches and finds nothing for an empty query', () => {
    expect(findHits(['aaaa'], 'aa')).toHaveLength(2);
    expect(findHits(['anything'], '')).toEqual([]);
  });

  it('matches text whose lower case changes length', () => {
    expect(findHits(['İstanbul error'], 'error')).toEqual([{ line: 0, occurrence: 0 }]);
  });
});

describe('stepHit', () => {
  it('moves forward and backward with wrap-around', () => {
    expect(stepHit(0, 3, 1)).toBe(1);
    expect(stepHit(2, 3, 1)).toBe(0);
    expect(stepHit(0, 3, -1)).toBe(2);
  });

  it('starts at the first match going forward and the last going back', () => {
    expect(stepHit(-1, 5, 1)).toBe(0);
    expect(stepHit(-1, 5, -1)).toBe(4);
    expect(stepHit(9, 5, 1)).toBe(0);
    expect(stepHit(0, 0, 1)).toBe(-1);
  });
});

describe('highlight', () => {
  it('returns the line as one segment when nothing matches', () => {
    expect(highlight(`${RED}abc${RESET}`, 'zz')).toEqual([{ text: `${RED}abc${RESET}`, match: false, current: false }]);
  });

  it('splits a plain line into match and non-match segments, case-insensitively', () => {
    expect(highlight('an Error and an error', 'ERROR', 1)).toEqual([
      { text: 'an ', match: false, current: false },
      { text: 'Error', match: true, current: false },
      { text: ' and an ', match: false, current: false },
      { text: 'error', match: true, current: true },
    ]);
  });

  it('keeps adjacent matches apart', () => {
    expect(highlight('aaaa', 'aa').filter((s) => s.match).map((s) => s.text)).toEqual(['aa', 'aa']);
  });

  it('keeps the colours around a match and restores them after it', () => {
    const segments = highlight(`${RED}hello world${RESET}`, 'lo w');
    expect(segments).toEqual([
      { text: `${RED}hel`, match: false, current: false },
      { text: 'lo w', match: true, current: false },
      { text: `${RESET}${RED}orld${RESET}`, match: false, current: false },
    ]);
  });

  it('applies colour changes that happen inside a match after the match', () => {
    const segments = highlight(`${RED}ERR${RESET}OR ${BOLD}done`, 'error');
    expect(segments[0]).toEqual({ text: RED, match: false, current: false });
    expect(segments[1]).toEqual({ text: 'ERROR', match: true, current: false });
    expect(segments[2]?.text).toBe(`${RESET} ${BOLD}done`);
  });

  it('loses no visible text', () => {
    const line = `${RED}a${BOLD}bcabc${RESET}xabc`;
    expect(stripSgr(joined(highlight(line, 'abc')))).toBe(stripSgr(line));
  });
});
