import { describe, expect, it } from 'vitest';
import { fitPieces, truncateAnsi, visibleWidth } from '../../../../src/tui/logs/fit-ansi.js';

const ESC = '\x1b';
const RED = `${ESC}[31m`;
const RESET = `${ESC}[0m`;

describe('truncateAnsi', () => {
  it('leaves a line that fits alone', () => {
    expect(truncateAnsi(`${RED}abc${RESET}`, 3)).toBe(`${RED}abc${RESET}`);
  });

  it('cuts by columns, keeps colours and resets after the cut', () => {
    expect(truncateAnsi(`${RED}abcdef${RESET}`, 4)).toBe(`${RED}abcd${RESET}`);
    expect(truncateAnsi('abcdef', 2)).toBe('ab');
  });

  it('never splits a wide character across the edge', () => {
    const cut = truncateAnsi('ab世界cd', 3);
    expect(cut).toBe('ab');
    expect(visibleWidth(truncateAnsi('世界世界', 5))).toBe(4);
  });

  it('counts an emoji with a variation selector by its real width', () => {
    for (let columns = 0; columns < 6; columns++) expect(visibleWidth(truncateAnsi('a❤️❤️b', columns))).toBeLessThanOrEqual(columns);
  });
});

describe('fitPieces', () => {
  it('returns pieces that fit as they are', () => {
    const pieces = [{ text: 'ab' }, { text: 'cd' }];
    expect(fitPieces(pieces, 4, '~')).toEqual(pieces);
  });

  it('cuts the piece crossing the edge and ends the row with the ellipsis', () => {
    const out = fitPieces([{ text: 'abc', tag: 1 }, { text: `${RED}defgh${RESET}`, tag: 2 }], 6, '…');
    expect(out).toEqual([{ text: 'abc', tag: 1 }, { text: `${RED}de${RESET}`, tag: 2 }, { text: '…' }]);
    expect(out.reduce((sum, piece) => sum + visibleWidth(piece.text), 0)).toBe(6);
  });

  it('fits even in zero or one column', () => {
    expect(fitPieces([{ text: 'abc' }], 0, '…')).toEqual([{ text: '' }]);
    expect(fitPieces([{ text: 'abc' }], 1, '…')).toEqual([{ text: '…' }]);
  });
});
