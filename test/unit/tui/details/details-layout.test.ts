import { describe, expect, it } from 'vitest';
import { planDetailsLayout } from '../../../../src/tui/details/details-layout.js';

/** Rows the pane will print for a layout: title, health, charts, exits header and lines. */
function rowsOf(layout: ReturnType<typeof planDetailsLayout>): number {
  const charts = layout.chartHeight === 0 ? 0 : (layout.sideBySide ? 1 : 2) * (layout.chartHeight + 2);
  return 1 + (layout.showHealth ? 1 : 0) + charts + (layout.exitLines < 0 ? 0 : 1 + layout.exitLines);
}

describe('planDetailsLayout', () => {
  it('fills an 80x12 pane with side-by-side charts and one exit', () => {
    const layout = planDetailsLayout(80, 12, 4);
    expect(layout).toEqual({ chartHeight: 6, sideBySide: true, chartWidth: 39, exitLines: 1, showHealth: true });
    expect(rowsOf(layout)).toBe(12);
  });

  it('caps the chart height in a tall pane and lists up to five exits', () => {
    const layout = planDetailsLayout(120, 40, 20);
    expect(layout.chartHeight).toBe(12);
    expect(layout.exitLines).toBe(5);
    expect(rowsOf(layout)).toBeLessThanOrEqual(40);
  });

  it('stacks the charts in a narrow pane', () => {
    const layout = planDetailsLayout(50, 20, 2);
    expect(layout.sideBySide).toBe(false);
    expect(layout.chartWidth).toBe(50);
    expect(rowsOf(layout)).toBeLessThanOrEqual(20);
  });

  it('drops the charts before the exits when the pane is short', () => {
    const layout = planDetailsLayout(80, 6, 3);
    expect(layout.chartHeight).toBe(0);
    expect(layout.exitLines).toBe(3);
  });

  it('never plans more rows than the height, whatever the size', () => {
    for (let height = 1; height <= 40; height++) {
      for (const width of [20, 63, 64, 80, 200]) {
        for (const exits of [0, 1, 3, 20]) {
          const layout = planDetailsLayout(width, height, exits);
          expect(rowsOf(layout), `${width}x${height} with ${exits} exits`).toBeLessThanOrEqual(height);
        }
      }
    }
  });
});
