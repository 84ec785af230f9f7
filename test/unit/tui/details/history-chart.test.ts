import asciichart from 'asciichart';
import { describe, expect, it } from 'vitest';
import { chartColor, plotHistory, type HistoryChartOptions } from '../../../../src/tui/details/history-chart.js';
import { createTheme } from '../../../../src/tui/theme.js';

const UNICODE = createTheme('256', true).glyphs.chart;
const ASCII = createTheme('none', false).glyphs.chart;

function options(overrides: Partial<HistoryChartOptions> = {}): HistoryChartOptions {
  return { width: 40, height: 5, floor: 1, base: 'zero', label: (v) => `${Math.round(v)}%`, symbols: UNICODE, ...overrides };
}

// eslint-disable-next-line no-control-regex
const strip = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('plotHistory', () => {
  it('draws height + 1 rows, each exactly the given width when history is long enough', () => {
    const values = Array.from({ length: 200 }, (_, i) => 50 + 40 * Math.sin(i / 5));
    const rows = plotHistory(values, options()).split('\n');
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(Array.from(row)).toHaveLength(40);
  });

  it('plots only the newest points that fit next to the labels', () => {
    // 36 old zeros then 36 hundreds: a 40-column chart with 4-column labels holds the hundreds only.
    const values = [...Array<number>(36).fill(0), ...Array<number>(36).fill(100)];
    const rows = plotHistory(values, options());
    const top = rows.split('\n')[0] ?? '';
    expect(top.startsWith('100%┼')).toBe(true);
    expect(top).toBe(`100%┼${'─'.repeat(35)}`);
  });

  it('labels the axis from the window max down to zero', () => {
    const rows = plotHistory([0, 50, 100], options({ height: 4 })).split('\n');
    expect(rows.map((r) => r.slice(0, 4).trim())).toEqual(['100%', '75%', '50%', '25%', '0%']);
  });

  it('keeps the axis at least as high as the floor for a flat zero series', () => {
    const rows = plotHistory([0, 0, 0], options({ height: 2, floor: 10 })).split('\n');
    expect(rows[0]?.startsWith('10%')).toBe(true);
    expect(rows[2]).toBe(' 0%┼──');
  });

  it('starts a fitted axis just under the lowest value', () => {
    const rows = plotHistory([90, 95, 100], options({ height: 2, base: 'fit' })).split('\n');
    expect(rows.map((r) => r.slice(0, 4).trim())).toEqual(['100%', '95%', '90%']);
  });

  it('always draws exactly height + 1 rows within the width, for any series and scale', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const bytes = (v: number): string => `${(v / 1048576).toFixed(1)} MiB`;
    for (let round = 0; round < 300; round++) {
      const base = random() * 1e9;
      const values = Array.from({ length: 1 + Math.floor(random() * 150) }, () => base + random() * base * random());
      const height = 1 + Math.floor(random() * 14);
      const width = 12 + Math.floor(random() * 100);
      const text = plotHistory(values, options({ width, height, base: round % 2 ? 'fit' : 'zero', label: bytes, floor: 1048576 }));
      const rows = text.split('\n');
      expect(rows, `round ${round}`).toHaveLength(height + 1);
      for (const row of rows) expect(Array.from(row).length).toBeLessThanOrEqual(width);
    }
  });

  it('uses the ASCII symbols it is given', () => {
    const text = plotHistory([1, 5, 2, 8, 3], options({ symbols: ASCII }));
    expect(text).toMatch(/^[\x20-\x7e\n]+$/);
    expect(text).toContain('|');
  });

  it('colours the line only when a colour is given', () => {
    expect(plotHistory([1, 5, 2], options())).not.toContain('\x1b[');
    const coloured = plotHistory([1, 5, 2], options({ color: asciichart.cyan }));
    expect(coloured).toContain(asciichart.cyan);
    expect(strip(coloured)).toBe(plotHistory([1, 5, 2], options()));
  });

  it('returns nothing without values or without room', () => {
    expect(plotHistory([], options())).toBe('');
    expect(plotHistory([1, 2], options({ height: 0 }))).toBe('');
    expect(plotHistory([1, 2], options({ width: 3 }))).toBe('');
    expect(plotHistory([1, 2], options({ width: 4 })).split('\n')[0]).toBe('2%┼╭');
  });
});

describe('chartColor', () => {
  it('maps theme colour names to asciichart sequences', () => {
    expect(chartColor('cyan')).toBe(asciichart.cyan);
    expect(chartColor('gray')).toBe(asciichart.darkgray);
    expect(chartColor(undefined)).toBeUndefined();
  });
});
