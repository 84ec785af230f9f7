import { describe, expect, it } from 'vitest';
import type { WireInstance } from '../../../../src/api/types.js';
import { gridColumns, type Column } from '../../../../src/tui/components/grid-columns.js';
import { gridLines } from '../../../../src/tui/components/grid-lines.js';
import { gridRows, instanceKey } from '../../../../src/tui/state/grid-rows.js';
import { CHANGE_MARK_MS, markChanges } from '../../../../src/tui/state/ui-state.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { app, mirrorOf, NOW } from '../shell/fixtures.js';

const UNICODE = createTheme('none', true);
const ASCII = createTheme('none', false);

// CPU samples one level apart on the 0..100 scale of the sparkline: 0 → lowest glyph, 100 → highest.
const RAMP = [0, 20, 40, 60, 80, 100].map((cpu, k) => ({ at: NOW - 1000 * (6 - k), cpu, memory: 1 }));

interface Draw {
  instance?: Partial<WireInstance>;
  width?: number;
  unicode?: boolean;
  changed?: Readonly<Record<string, number>>;
  now?: number;
}

/** The cells of the row of web-0, cut at the column positions, from the grid's painted text. */
function cellsOfWeb0({ instance = {}, width = 100, unicode = true, changed = {}, now = NOW }: Draw): Record<Column['id'], string> {
  const rows = gridRows(mirrorOf({ web: app('web', 2, 3000, (id) => (id === 0 ? instance : {})) }), { collapsed: {}, text: '', faultsOnly: false });
  const drawn = gridLines({ rows, selectedKey: undefined, width, height: 10, theme: unicode ? UNICODE : ASCII, unicode, now, changed, pendingScale: {}, rolling: {}, focused: true });
  const text = drawn.lines.find((l) => l.key === instanceKey('web', 0))?.text ?? '';
  expect(text).toHaveLength(width);
  const cells = {} as Record<Column['id'], string>;
  let x = 2;
  for (const c of gridColumns(width, unicode)) {
    cells[c.id] = text.slice(x, x + c.width).trim();
    x += c.width + 1;
  }
  return cells;
}

describe('an instance row of the grid', () => {
  it('shows the CPU % rounded to a whole number from 10 up, with one decimal below', () => {
    expect(cellsOfWeb0({ instance: { cpu: 12.5 } }).cpu).toBe('13');
    expect(cellsOfWeb0({ instance: { cpu: 2.5 } }).cpu).toBe('2.5');
  });

  it('draws the CPU history as a sparkline, newest sample at the right, with the Unicode bars', () => {
    expect(cellsOfWeb0({ instance: { history: RAMP }, width: 90 }).spark).toBe('▁▂▄▅▇█');
    expect(cellsOfWeb0({ instance: { history: RAMP }, width: 100 }).spark).toBe('▁▁▁▁▁▁▁▂▄▅▇█');
  });

  it('draws the same sparkline in ASCII when the terminal is not UTF-8', () => {
    expect(cellsOfWeb0({ instance: { history: RAMP }, width: 90, unicode: false }).spark).toBe('_.:=*#');
  });

  it('draws a young instance with two samples as a flat baseline then its samples', () => {
    // The fixture's history: 10 % then 12.5 %, both one level over the bottom.
    expect(cellsOfWeb0({ width: 90 }).spark).toBe('▁▁▁▁▂▂');
  });

  it('shows memory in binary units without the space, uptime in whole minutes and the restart count', () => {
    const cells = cellsOfWeb0({ instance: { memory: 48 * 1024 * 1024, startedAt: NOW - (2 * 60 + 5) * 60_000, restarts: 7 } });
    expect(cells.memory).toBe('48MiB');
    expect(cells.uptime).toBe('2h05m');
    expect(cells.restarts).toBe('7');
    expect(cellsOfWeb0({ instance: { memory: 1.5 * 1024 ** 3 } }).memory).toBe('1.5GiB');
  });

  it('shows "-" for CPU, memory and uptime of an instance with no process', () => {
    const cells = cellsOfWeb0({ instance: { status: 'errored', pid: undefined, restarts: 15 } });
    expect([cells.cpu, cells.memory, cells.uptime, cells.restarts]).toEqual(['-', '-', '-', '15']);
  });
});

describe('the change mark on a grid cell', () => {
  const before = mirrorOf({ web: app('web', 2, 3000) }, 1);
  const after = mirrorOf({ web: app('web', 2, 3000, (id) => (id === 0 ? { restarts: 1 } : {})) }, 2);
  const changed = markChanges(before, after, {}, NOW);

  it('marks the restart count that just changed, and no other cell', () => {
    expect(changed).toEqual({ 'web-0:restarts': NOW });
    const cells = cellsOfWeb0({ instance: { restarts: 1 }, changed });
    expect(cells.restarts).toBe(`1${UNICODE.glyphs.changed}`);
    const others = Object.entries(cells).filter(([id]) => id !== 'restarts');
    expect(others.filter(([, text]) => text.includes(UNICODE.glyphs.changed))).toEqual([]);
  });

  it('draws the ASCII mark with the ASCII theme', () => {
    expect(cellsOfWeb0({ instance: { restarts: 1 }, changed, unicode: false }).restarts).toBe(`1${ASCII.glyphs.changed}`);
  });

  it('marks a status that just changed on the status cell', () => {
    const cells = cellsOfWeb0({ instance: { status: 'starting' }, changed: { 'web-0:status': NOW - 1000 } });
    expect(cells.status).toBe(`starting${UNICODE.glyphs.changed}`);
    expect(cells.restarts).toBe('0');
  });

  it('keeps the mark until the mark duration has passed, then draws the plain value', () => {
    expect(cellsOfWeb0({ instance: { restarts: 1 }, changed, now: NOW + CHANGE_MARK_MS - 1 }).restarts).toBe(`1${UNICODE.glyphs.changed}`);
    expect(cellsOfWeb0({ instance: { restarts: 1 }, changed, now: NOW + CHANGE_MARK_MS }).restarts).toBe('1');
    expect(cellsOfWeb0({ instance: { restarts: 1 }, changed, now: NOW + 10 * CHANGE_MARK_MS }).restarts).toBe('1');
  });
});
