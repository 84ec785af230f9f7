import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { SideBySide, splitWidth } from '../../../../src/tui/logs/SideBySide.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { renderLines } from './render-at.js';

const theme = createTheme('none', false);
const lines = (instance: number, count: number, length: number) =>
  Array.from({ length: count }, (_, seq) => ({ seq, text: `${instance}:${seq} ${'y'.repeat(length)}`, stream: 'out' as const, instance }));

describe('splitWidth', () => {
  it('shares the width minus a one-column gap', () => {
    expect(splitWidth(80)).toEqual({ left: 40, right: 39 });
    expect(splitWidth(81)).toEqual({ left: 40, right: 40 });
    expect(splitWidth(1)).toEqual({ left: 0, right: 0 });
  });
});

describe('SideBySide', () => {
  for (const width of [80, 81, 120]) {
    it(`puts two panes next to each other within ${width} columns`, () => {
      const split = splitWidth(width);
      const rows = renderLines(
        <SideBySide width={width} height={8} theme={theme} left={{ title: 'web-0', lines: lines(0, 20, 200), follow: true, newLines: 0 }} right={{ title: 'web-1', lines: lines(1, 3, 5), follow: false, newLines: 4 }} />,
        width + 20,
      );
      expect(rows).toHaveLength(8);
      for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(width);
      expect(rows[0]?.startsWith('web-0')).toBe(true);
      expect(rows[0]?.slice(split.left + 1).startsWith('web-1')).toBe(true);
      expect(rows[0]).toContain('+4 new lines PAUSED');
      expect(rows[1]?.startsWith('0:13 yyy')).toBe(true);
      expect(rows[1]?.slice(split.left, split.left + 1)).toBe(' ');
      expect(rows[1]?.slice(split.left + 1)).toBe('1:0 yyyyy');
      expect(rows[7]?.slice(0, split.left)).toBe(`0:19 ${'y'.repeat(split.left - 6)}~`);
    });
  }
});
