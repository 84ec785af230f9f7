// Asserting on control characters is the point of these patterns.
/* eslint-disable no-control-regex */
import { describe, expect, it } from 'vitest';
import { visibleWidth } from '../../../../src/tui/logs/fit-ansi.js';
import { buildRow } from '../../../../src/tui/logs/log-row.js';
import { buildTitle } from '../../../../src/tui/logs/log-title.js';
import { createTheme } from '../../../../src/tui/theme.js';

const theme = createTheme('16', true);
const width = (pieces: { text: string }[]) => pieces.reduce((sum, piece) => sum + visibleWidth(piece.text), 0);

describe('buildRow', () => {
  it('fits wide characters, colours and a prefix into the width', () => {
    const line = { seq: 0, text: `\x1b[31m${'世界'.repeat(30)}\x1b[0m`, stream: 'out' as const, instance: 3 };
    for (let columns = 1; columns < 40; columns++) {
      expect(width(buildRow(line, columns, { theme, query: '', currentOccurrence: -1, prefix: { app: 'web', width: 5 } }))).toBeLessThanOrEqual(columns);
    }
  });

  it('marks only the current occurrence as current', () => {
    const line = { seq: 0, text: 'a b a b a', stream: 'out' as const, instance: 0 };
    const pieces = buildRow(line, 80, { theme, query: 'a', currentOccurrence: 2 });
    expect(pieces.filter((piece) => piece.inverse).map((piece) => piece.underline === true)).toEqual([false, false, true]);
  });
});

describe('buildTitle', () => {
  it('is exactly as wide as the pane', () => {
    for (let columns = 1; columns < 70; columns++) {
      const pieces = buildTitle({ title: 'web-0 logs', follow: false, newLines: 12_345, search: { query: 'timeout', current: -1, total: 4 }, width: columns, theme });
      expect(width(pieces)).toBeLessThanOrEqual(columns);
      if (columns >= 8) expect(width(pieces)).toBe(columns);
    }
  });

  it('neutralises control characters in the title and the query', () => {
    const pieces = buildTitle({ title: 'a\x1b]0;x\x07b', follow: true, newLines: 0, search: { query: 'q\x1b[2J', current: 0, total: 0 }, width: 40, theme });
    const text = pieces.map((piece) => piece.text).join('');
    expect(text).not.toMatch(/[\x00-\x1f]/);
    expect(text).toContain('/q (no match)');
  });
});
