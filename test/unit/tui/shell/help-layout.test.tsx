import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Help } from '../../../../src/tui/components/Help.js';
import { DEFAULT_BINDINGS } from '../../../../src/tui/keymap.js';
import { createTheme } from '../../../../src/tui/theme.js';

describe('help at 80x24', () => {
  it('shows every binding, in two columns when one does not fit, within 80 columns', () => {
    // 24 rows: one short of the terminal, header 2, footer 1 → 20 rows for help.
    const { lastFrame } = render(<Help bindings={DEFAULT_BINDINGS} width={80} height={20} theme={createTheme('none', false)} unicode={false} readOnly={false} />);
    const frame = lastFrame() ?? '';
    for (const b of DEFAULT_BINDINGS) expect(frame).toContain(b.help.slice(0, 8));
    expect(frame.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(frame.split('\n').length).toBeLessThanOrEqual(20);
  });
});
