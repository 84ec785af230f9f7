import { describe, expect, it } from 'vitest';
// Ink's own measure-text, the reference: the UI bundle swaps ours in for it (scripts/bundle-ui.mjs).
import inkMeasureText from '../../../../node_modules/ink/build/measure-text.js';
import measureText from '../../../../src/tui/ink/measure-text.js';
import widestLine from '../../../../src/tui/ink/widest-line.js';

const TEXTS = ['', 'a', 'two\nlines', '\x1b[31mred\x1b[39m and plain', '漢字 wide', '👍 e\u0301', 'x'.repeat(300), 'tail\n', '\n\n', '│ box ─'];

describe('the UI bundle\'s measure-text and widest-line', () => {
  it("measure what Ink's measure, ANSI codes, wide and combining characters included", () => {
    for (const text of TEXTS) {
      expect(measureText(text), JSON.stringify(text)).toEqual(inkMeasureText(text));
      expect(widestLine(text), JSON.stringify(text)).toBe(inkMeasureText(text).width);
    }
  });

  it('answers the same again once its cache was emptied by many new lines', () => {
    const first = measureText('\x1b[1mbold\x1b[22m\n漢字');
    for (let i = 0; i < 5000; i++) measureText(`log line ${i}`);
    expect(measureText('\x1b[1mbold\x1b[22m\n漢字')).toEqual(first);
  });
});
