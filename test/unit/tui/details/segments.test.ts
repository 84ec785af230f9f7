import { describe, expect, it } from 'vitest';
import { cutToWidth, fitSegments, segmentsWidth, textWidth } from '../../../../src/tui/details/segments.js';

describe('fitSegments', () => {
  it('keeps a line that fits as it is', () => {
    const segments = [{ text: 'web-2', bold: true }, { text: '  online', color: 'green' }];
    expect(fitSegments(segments, 13, '…')).toEqual(segments);
  });

  it('cuts the segment that overflows and ends it with the ellipsis', () => {
    const out = fitSegments([{ text: 'web-2' }, { text: '  online', color: 'green' }, { text: '  pid 1' }], 10, '~');
    expect(out).toEqual([{ text: 'web-2' }, { text: '  on~', color: 'green' }]);
    expect(segmentsWidth(out)).toBe(10);
  });

  it('drops the ellipsis when even it does not fit', () => {
    expect(fitSegments([{ text: 'abc' }], 0, '...')).toEqual([{ text: '' }]);
    expect(fitSegments([{ text: 'abcdef' }], 2, '...')).toEqual([{ text: 'ab' }]);
  });

  it('counts double-width characters as two columns', () => {
    const out = fitSegments([{ text: 'error: 接続できません' }], 12, '~');
    expect(segmentsWidth(out)).toBeLessThanOrEqual(12);
    expect(out[0]?.text).toBe('error: 接続~');
  });
});

describe('textWidth and cutToWidth', () => {
  it('measure and cut by terminal columns', () => {
    expect(textWidth('ab')).toBe(2);
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('🚀x')).toBe(3);
    expect(cutToWidth('日本語', 5)).toBe('日本');
  });
});
