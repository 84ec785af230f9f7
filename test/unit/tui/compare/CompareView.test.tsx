import { describe, expect, it, vi } from 'vitest';

// Chalk decides its colour level on import: allow colours so "no colour with depth none" can fail.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { render } from 'ink-testing-library';
import { buildCompare } from '../../../../src/tui/compare/build-compare.js';
import { CompareView } from '../../../../src/tui/compare/CompareView.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { makeSpec } from '../../../helpers/make-spec.js';
import { frameLines, hasEscapes } from '../topology/frame.js';
import { instance } from '../topology/wire-fixtures.js';

const NOW = 10_000_000;
const MIB = 1024 * 1024;

/** `count` api instances; instance 3 uses four times the memory of the others. */
function apiModel(count: number) {
  const instances = Array.from({ length: count }, (_, id) =>
    instance('api', id, {
      memory: (id === 3 ? 400 : 100) * MIB,
      startedAt: NOW - 60_000,
      history: [{ at: NOW - 1000, cpu: 5, memory: 100 * MIB }],
    }),
  );
  return buildCompare('api', { spec: makeSpec({ name: 'api', instances: count }), instances }, { now: NOW });
}

describe('CompareView', () => {
  for (const width of [80, 120]) {
    it(`fits ${width} columns, showing as many instances as fit and "+N more"`, () => {
      const { lastFrame } = render(<CompareView model={apiModel(16)} theme={createTheme('256', true)} width={width} height={20} differencesOnly={false} />);
      const lines = frameLines(lastFrame());
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      const header = lines[1]!;
      const shown = header.match(/api-\d+/g)!.length;
      expect(shown).toBeGreaterThan(3);
      expect(shown).toBeLessThan(16);
      expect(lines[0]).toContain(`+${16 - shown} more`);
    });
  }

  it('shows more instance columns at 120 than at 80', () => {
    const count = (width: number): number =>
      frameLines(render(<CompareView model={apiModel(16)} theme={createTheme('none', true)} width={width} height={20} differencesOnly={false} />).lastFrame())[1]!.match(/api-\d+/g)!.length;
    expect(count(120)).toBeGreaterThan(count(80));
  });

  it('lays metrics out as rows and instances as columns, with no "+N more" when all fit', () => {
    const { lastFrame } = render(<CompareView model={apiModel(4)} theme={createTheme('none', true)} width={100} height={20} differencesOnly={false} />);
    const lines = frameLines(lastFrame());
    expect(lines[0]).not.toContain('more');
    expect(lines[1]).toMatch(/^ +api-0 +api-1 +api-2 +api-3$/);
    expect(lines.find((l) => l.startsWith('memory '))).toMatch(/^memory +100M +100M +100M +400M!$/);
    expect(lines.find((l) => l.startsWith('cpu avg'))).toMatch(/^cpu avg +5\.0% +5\.0% +5\.0% +5\.0%$/);
  });

  it('marks outliers with a glyph and no colour at depth none, and in colour otherwise', () => {
    const plain = render(<CompareView model={apiModel(4)} theme={createTheme('none', false)} width={100} height={20} differencesOnly={false} />).lastFrame();
    expect(hasEscapes(plain)).toBe(false);
    expect(plain).toContain('400M!');
    // eslint-disable-next-line no-control-regex
    expect(plain).not.toMatch(/[^\x00-\x7f]/);
    const coloured = render(<CompareView model={apiModel(4)} theme={createTheme('16', true)} width={100} height={20} differencesOnly={false} />).lastFrame();
    expect(coloured).toContain('\x1b[33m');
    expect(frameLines(coloured).join('\n')).toContain('400M!');
  });

  it('hides the metrics that are equal everywhere with differencesOnly', () => {
    const { lastFrame } = render(<CompareView model={apiModel(4)} theme={createTheme('none', true)} width={100} height={20} differencesOnly={true} />);
    const labels = frameLines(lastFrame()).slice(2).map((l) => l.split(/ {2,}/)[0]);
    expect(labels).toContain('memory');
    expect(labels).not.toContain('cpu avg');
    expect(labels).not.toContain('status');
    expect(lastFrame()).toContain('differences only');
  });

  it('keeps within a small height', () => {
    const { lastFrame } = render(<CompareView model={apiModel(4)} theme={createTheme('none', true)} width={80} height={6} differencesOnly={false} />);
    expect(frameLines(lastFrame()).length).toBeLessThanOrEqual(6);
  });
});
