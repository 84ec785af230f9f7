import { describe, expect, it } from 'vitest';
import { sparkline, sparkRuns } from '../../../src/tui/components/sparkline.js';
import { createTheme } from '../../../src/tui/theme.js';

const BARS = createTheme('16', true).glyphs.spark;
const ASCII = createTheme('none', false).glyphs.spark;

describe('sparkline', () => {
  it('scales values from 0 to the given max onto the eight levels', () => {
    expect(sparkline([0, 50, 100], 3, BARS, { max: 100 })).toBe('▁▅█');
    expect(sparkline([0, 14.3, 28.6, 42.9, 57.1, 71.4, 85.7, 100], 8, BARS, { max: 100 })).toBe('▁▂▃▄▅▆▇█');
  });

  it('scales to the largest value in the window when no max is given', () => {
    expect(sparkline([10, 20, 40], 3, BARS)).toBe('▃▅█');
  });

  it('pads on the left when the history is shorter than the width', () => {
    expect(sparkline([100, 100], 5, BARS, { max: 100 })).toBe('   ██');
    expect(sparkline([], 4, BARS, { max: 100 })).toBe('    ');
  });

  it('keeps the newest values at the right when the history is longer than the width', () => {
    expect(sparkline([100, 100, 100, 0, 0, 100], 3, BARS, { max: 100 })).toBe('▁▁█');
  });

  it('clamps values over max to the top and draws missing samples at the bottom', () => {
    expect(sparkline([250, Number.NaN, -5, Infinity], 4, BARS, { max: 100 })).toBe('█▁▁▁');
  });

  it('draws a flat zero series at the lowest level instead of dividing by zero', () => {
    expect(sparkline([0, 0, 0], 3, BARS)).toBe('▁▁▁');
  });

  it('uses only ASCII with the ASCII glyphs', () => {
    const text = sparkline([3, 40, 77, 12, 99, 0, 55], 10, ASCII, { max: 100 });
    expect(text).toBe('   _:+.#_=');
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });

  it('returns nothing for a width of zero', () => {
    expect(sparkline([1, 2, 3], 0, BARS)).toBe('');
  });

  it('splits the line into runs by level: at half of max it is mid, at 80 % high', () => {
    expect(sparkRuns([10, 20, 60, 70, 90], 6, BARS, { max: 100 })).toEqual([
      { text: ' ▂▂', level: 'low' },
      { text: '▅▆', level: 'mid' },
      { text: '▇', level: 'high' },
    ]);
  });

  it('takes explicit thresholds in the units of the values', () => {
    const runs = sparkRuns([100, 300, 900], 3, BARS, { warnAt: 250, errorAt: 800 });
    expect(runs.map((r) => r.level)).toEqual(['low', 'mid', 'high']);
  });
});
