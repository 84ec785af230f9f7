import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { createLogStore, type LogStore } from '../../../../src/tui/logs/log-store.js';
import { INITIAL_LOG_VIEW, reduceLogView, visibleWindow, newLineCount } from '../../../../src/tui/logs/log-view-state.js';
import { toDisplayLines } from '../../../../src/tui/logs/log-row.js';
import { LogPane } from '../../../../src/tui/logs/LogPane.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { renderLines } from './render-at.js';

const theme = createTheme('16', true);
const ascii = createTheme('none', false);

function floodedStore(): LogStore {
  const store = createLogStore();
  const batch = Array.from({ length: 1_000 }, (_, i) => `\x1b[32m${i}\x1b[0m request ${'x'.repeat(3_000)} \t 世界 \x1b[2K\r`);
  for (let k = 0; k < 10; k++) store.append('web', 0, 'out', batch);
  return store;
}

function windowOf(store: LogStore, height: number) {
  const source = { app: 'web', instance: 0 };
  const range = store.range(source);
  const window = visibleWindow(INITIAL_LOG_VIEW, range.end, height - 1, { first: range.first });
  return toDisplayLines(store.lines(source, window));
}

describe('LogPane', () => {
  for (const [width, height] of [
    [80, 10],
    [120, 30],
  ] as const) {
    it(`renders a flood of 10,000 long lines at ${width}x${height}: exactly ${height} rows, none wider than ${width}`, () => {
      const store = floodedStore();
      const lines = windowOf(store, height);
      expect(lines).toHaveLength(height - 1);
      const rows = renderLines(<LogPane title="web-0" lines={lines} width={width} height={height} theme={theme} follow newLines={0} />, width + 40);
      expect(rows).toHaveLength(height);
      for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(width);
      expect(rows[0]).toContain('FOLLOW');
      expect(rows[height - 1]).toContain('999');
      expect(rows[height - 1]).toContain('…');
    });
  }

  it('pads to its height when there are few lines', () => {
    const lines = [{ seq: 0, text: 'only line', stream: 'out' as const, instance: 0 }];
    const rows = renderLines(<LogPane title="web-0" lines={lines} width={40} height={6} theme={theme} follow newLines={0} />, 60);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toBe('only line');
  });

  it('keeps a blank log line one row tall', () => {
    const lines = ['a', '', 'b'].map((text, seq) => ({ seq, text, stream: 'out' as const, instance: 0 }));
    const rows = renderLines(<LogPane title="t" lines={lines} width={20} height={4} theme={theme} follow newLines={0} />, 30);
    expect(rows.slice(1).map((row) => row.trim())).toEqual(['a', '', 'b']);
  });

  it('shows only the last lines that fit when given too many', () => {
    const lines = Array.from({ length: 50 }, (_, seq) => ({ seq, text: `line ${seq}`, stream: 'out' as const, instance: 0 }));
    const rows = renderLines(<LogPane title="t" lines={lines} width={30} height={5} theme={theme} follow newLines={0} />, 40);
    expect(rows.slice(1)).toEqual(['line 46', 'line 47', 'line 48', 'line 49']);
  });

  it('shows PAUSED and the new-lines badge once scrolled up while lines keep coming', () => {
    const store = createLogStore();
    const source = { app: 'web', instance: 0 };
    store.append('web', 0, 'out', Array.from({ length: 100 }, (_, i) => `line ${i}`));
    const view = reduceLogView(INITIAL_LOG_VIEW, { type: 'scroll', by: -10, viewport: { ranges: [store.range(source)], height: 4 } });
    store.append('web', 0, 'out', Array.from({ length: 7 }, (_, i) => `late ${i}`));
    const range = store.range(source);
    const lines = toDisplayLines(store.lines(source, visibleWindow(view, range.end, 4, { first: range.first })));
    const { lastFrame, unmount } = render(<LogPane title="web-0" lines={lines} width={60} height={5} theme={theme} follow={view.follow} newLines={newLineCount(view, [range])} />);
    const rows = (lastFrame() ?? '').split('\n');
    unmount();
    expect(rows[0]).toMatch(/^web-0 +\+17 new lines PAUSED$/);
    expect(rows.slice(1)).toEqual(['line 86', 'line 87', 'line 88', 'line 89']);
  });

  it('shows the search and its position in the title', () => {
    const rows = renderLines(<LogPane title="web-0" lines={[]} width={50} height={2} theme={theme} follow newLines={0} search={{ query: 'err', current: 2, total: 9 }} />, 60);
    expect(rows[0]).toMatch(/^web-0 +\/err \(3\/9\) FOLLOW$/);
  });

  it('gives up the title before the markers in a narrow pane', () => {
    const rows = renderLines(<LogPane title="a-very-long-application-name-0" lines={[]} width={24} height={1} theme={ascii} follow={false} newLines={3} />, 30);
    expect(rows).toEqual(['a-v~ +3 new lines PAUSED']);
    expect(stringWidth(rows[0] ?? '')).toBe(24);
  });

  it('prefixes each line with its instance in the merged view', () => {
    const store = createLogStore();
    store.append('web', 0, 'out', ['from zero']);
    store.append('web', 12, 'out', ['from twelve']);
    const lines = toDisplayLines(store.lines({ app: 'web' }, { count: 10 }));
    const rows = renderLines(<LogPane title="web (merged)" lines={lines} width={40} height={3} theme={theme} follow newLines={0} prefixes={{ app: 'web' }} />, 50);
    expect(rows.slice(1)).toEqual(['web-0  from zero', 'web-12 from twelve']);
  });

  it('cuts a line wider than the pane with an ellipsis instead of wrapping it', () => {
    const lines = [{ seq: 0, text: 'x'.repeat(500), stream: 'out' as const, instance: 0 }];
    const rows = renderLines(<LogPane title="t" lines={lines} width={33} height={2} theme={ascii} follow newLines={0} />, 60);
    expect(rows).toEqual([`t${' '.repeat(26)}FOLLOW`, `${'x'.repeat(32)}~`]);
  });
});
