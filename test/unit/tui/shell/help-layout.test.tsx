import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Help } from '../../../../src/tui/components/Help.js';
import { helpLines } from '../../../../src/tui/components/help-lines.js';
import { DEFAULT_BINDINGS } from '../../../../src/tui/keymap.js';
import { createTheme } from '../../../../src/tui/theme.js';

const theme = createTheme('none', false);

describe('help at 80x24', () => {
  it('shows whole sentences within 80 columns and scrolls to every binding, never taller than its height', () => {
    // 24 rows: one short of the terminal, header 2, footer 1 → 20 rows for help.
    const total = helpLines(DEFAULT_BINDINGS, 80, false, '~').length;
    expect(total).toBeGreaterThan(19);
    const seen: string[] = [];
    for (let scroll = 0; scroll <= total; scroll += 10) {
      const { lastFrame, unmount } = render(<Help bindings={DEFAULT_BINDINGS} width={80} height={20} theme={theme} unicode={false} readOnly={false} scroll={scroll} />);
      const frame = lastFrame() ?? '';
      unmount();
      expect(frame.split('\n').every((line) => line.length <= 80)).toBe(true);
      expect(frame.split('\n').length).toBeLessThanOrEqual(20);
      expect(frame.split('\n')[0]).toMatch(/\[\d+-\d+ of \d+, Up\/Down PgUp\/PgDn scroll\]/);
      seen.push(...frame.split('\n').slice(1));
    }
    const keyColumn = seen[0]!.indexOf(DEFAULT_BINDINGS[0]!.help.slice(0, 10));
    const text = seen.map((line) => line.slice(keyColumn).trim()).join(' ');
    for (const b of DEFAULT_BINDINGS) expect(text).toContain(b.help);
  });

  it('stops scrolling at the last line', () => {
    const { lastFrame } = render(<Help bindings={DEFAULT_BINDINGS} width={80} height={20} theme={theme} unicode={false} readOnly={false} scroll={1000} />);
    expect(lastFrame()?.split('\n').at(-1)).toContain('Quit');
  });
});
