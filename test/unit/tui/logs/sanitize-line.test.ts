// Asserting on control characters is the point of these patterns.
/* eslint-disable no-control-regex */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, sanitizeLine } from '../../../../src/tui/logs/sanitize-line.js';

const ESC = '\x1b';
const RESET = `${ESC}[0m`;

describe('sanitizeLine', () => {
  it('returns a plain printable line unchanged', () => {
    const line = 'GET /api/users 200 12ms — café ünïcödé 世界 👍';
    expect(sanitizeLine(line)).toBe(line);
  });

  it('keeps SGR colour sequences as they are', () => {
    const line = `${ESC}[1;31mERROR${ESC}[0m ${ESC}[38;5;208morange${ESC}[39m ${ESC}[38;2;1;2;3mtrue${ESC}[m`;
    expect(sanitizeLine(line)).toBe(line);
  });

  it('keeps a coloured line with emoji and wide characters as it is', () => {
    const line = `${ESC}[33m👍 世界${ESC}[0m done 🎉`;
    expect(sanitizeLine(line)).toBe(line);
  });

  it('resets a colour left open at the end of the line', () => {
    expect(sanitizeLine(`${ESC}[32mgreen forever`)).toBe(`${ESC}[32mgreen forever${RESET}`);
    expect(sanitizeLine(`${ESC}[38;5;0mblack on purpose`)).toBe(`${ESC}[38;5;0mblack on purpose${RESET}`);
  });

  it('adds no reset when the line closed its colours itself', () => {
    expect(sanitizeLine(`${ESC}[32mok${ESC}[0m done`)).toBe(`${ESC}[32mok${ESC}[0m done`);
    expect(sanitizeLine(`${ESC}[32mok${ESC}[m`)).toBe(`${ESC}[32mok${ESC}[m`);
  });

  it('removes cursor movement, erase and screen control sequences', () => {
    expect(sanitizeLine(`a${ESC}[2Jb${ESC}[Hc${ESC}[10;20Hd${ESC}[2Ke${ESC}[3Af${ESC}[?25lg${ESC}[?1049h`)).toBe('abcdefg');
  });

  it('removes CSI sequences ending in m that are not colours', () => {
    expect(sanitizeLine(`x${ESC}[>4;2my${ESC}[1$mz`)).toBe('xyz');
  });

  it('removes OSC titles and keeps the text of OSC 8 hyperlinks', () => {
    expect(sanitizeLine(`${ESC}]0;pwned title\x07after`)).toBe('after');
    expect(sanitizeLine(`see ${ESC}]8;;https://example.com${ESC}\\the docs${ESC}]8;;${ESC}\\ now`)).toBe('see the docs now');
    expect(sanitizeLine(`${ESC}]2;t\x9cend`)).toBe('end');
  });

  it('removes DCS, APC and PM strings and two-character escapes', () => {
    expect(sanitizeLine(`a${ESC}Pq#0;2;0;0;0${ESC}\\b${ESC}_apc${ESC}\\c${ESC}^pm\x07d`)).toBe('abcd');
    expect(sanitizeLine(`a${ESC}cb${ESC}7c${ESC}8d${ESC}(Be${ESC}#8f${ESC}Mg`)).toBe('abcdefg');
  });

  it('shows lone and unfinished escapes as ^[ rather than hiding what follows', () => {
    expect(sanitizeLine(`end${ESC}`)).toBe('end^[');
    expect(sanitizeLine(`${ESC}[12`)).toBe('^[[12');
    expect(sanitizeLine(`${ESC}]0;no terminator here`)).toBe('^[]0;no terminator here');
    expect(sanitizeLine(`${ESC}\x01x`)).toBe('^[^Ax');
  });

  it('shows control characters in caret notation', () => {
    expect(sanitizeLine('bell\x07 bs\x08 nul\x00 del\x7f vt\x0b lf\n')).toBe('bell^G bs^H nul^@ del^? vt^K lf^J');
  });

  it('shows C1 controls as cat -v does, including the 8-bit CSI', () => {
    expect(sanitizeLine('a\x9b2Jb\x85c')).toBe('aM-^[2JbM-^Ec');
  });

  it('drops the \\r of a CRLF ending but shows a carriage return inside the line', () => {
    expect(sanitizeLine('windows line\r')).toBe('windows line');
    expect(sanitizeLine('windows line\r\r')).toBe('windows line');
    expect(sanitizeLine('10%\r20%\r30%')).toBe('10%^M20%^M30%');
  });

  it('expands tabs to the next multiple of 8 columns, ignoring colour codes', () => {
    expect(sanitizeLine('a\tb')).toBe(`a${' '.repeat(7)}b`);
    expect(sanitizeLine('12345678\tx')).toBe(`12345678${' '.repeat(8)}x`);
    expect(sanitizeLine(`${ESC}[31mab${ESC}[0m\tc`)).toBe(`${ESC}[31mab${ESC}[0m${' '.repeat(6)}c`);
    expect(sanitizeLine('a\tb', { tabWidth: 4 })).toBe('a   b');
  });

  it('keeps U+FFFD from invalid UTF-8 and replaces lone surrogates with it', () => {
    const decoded = new TextDecoder().decode(Buffer.from([0x6f, 0x6b, 0xff, 0xc3, 0x28, 0x21]));
    expect(sanitizeLine(decoded)).toBe('ok\ufffd\ufffd(!');
    expect(sanitizeLine('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(sanitizeLine('tail\ud83d')).toBe('tail\ufffd');
    expect(sanitizeLine('pair \ud83d\udc4d ok\x07')).toBe('pair \ud83d\udc4d ok^G');
  });

  it(`clamps a very long line to ${MAX_LINE_CHARS} visible characters with a marker`, () => {
    const out = sanitizeLine('x'.repeat(10_000));
    expect(out).toBe(`${'x'.repeat(MAX_LINE_CHARS)} [+8000 chars]`);
  });

  it('counts only visible characters toward the clamp and resets an open colour before the marker', () => {
    const out = sanitizeLine(`${ESC}[31m${'y'.repeat(20)}`, { maxChars: 10 });
    expect(out).toBe(`${ESC}[31m${'y'.repeat(10)}${RESET} [+10 chars]`);
  });

  it('does not clamp a line that is exactly at the limit', () => {
    expect(sanitizeLine(`${'z'.repeat(10)}${ESC}[0m`, { maxChars: 10 })).toBe(`${'z'.repeat(10)}${ESC}[0m`);
  });

  it('counts placeholders and tab spaces toward the clamp', () => {
    expect(sanitizeLine('ab\x07\x07\x07\x07', { maxChars: 5 })).toBe('ab^G^ [+2 chars]');
    expect(sanitizeLine('a\tbcdefghij', { maxChars: 5 })).toBe('a    ' + ' [+9 chars]');
  });

  it('drops absurdly long SGR sequences', () => {
    const long = `${ESC}[${'1;'.repeat(100)}31m`;
    expect(sanitizeLine(`${long}text`)).toBe('text');
  });

  it('stays linear on a line full of unterminated OSC starts', () => {
    const line = `${ESC}]`.repeat(100_000);
    const started = performance.now();
    const out = sanitizeLine(line);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out.startsWith('^[]^[]')).toBe(true);
    expect(out.endsWith(' chars]')).toBe(true);
  });

  it('never lets an escape, a control character or an unpaired surrogate through except SGR', () => {
    const nasty = [`${ESC}[31mred`, `${ESC}[2J`, `${ESC}]0;x\x07`, '\x07', '\r', '\b', '\x9b', `${ESC}`, '\ud800', '\t', 'text'];
    for (let seed = 1; seed < 500; seed++) {
      let line = '';
      let s = seed;
      for (let k = 0; k < 12; k++) {
        s = (s * 1103515245 + 12345) % 2147483648;
        line += nasty[s % nasty.length];
      }
      const withoutSgr = sanitizeLine(line).replace(/\x1b\[[0-9;:]*m/g, '');
      expect(withoutSgr).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
      // The input has no surrogate pairs, so any surrogate left would be a lone one.
      expect(withoutSgr).not.toMatch(/[\ud800-\udfff]/);
    }
  });
});
