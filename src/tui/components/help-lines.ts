import { displayKey, type Binding } from '../keymap.js';
import { fit } from './text-fit.js';

/**
 * The help as lines of `width` columns: the keys, then the whole sentence, wrapped under itself
 * when it does not fit (pure). The overlay scrolls through these lines.
 */
export function helpLines(bindings: readonly Binding[], width: number, unicode: boolean, ellipsis: string): string[] {
  const entries = bindings.map((b) => ({ keys: b.keys.map((k) => displayKey(k, unicode)).join(' '), help: b.help }));
  const keyWidth = Math.min(16, Math.max(0, ...entries.map((e) => e.keys.length)) + 2);
  const textWidth = Math.max(10, width - keyWidth);
  const lines: string[] = [];
  for (const entry of entries) {
    wrapWords(entry.help, textWidth).forEach((part, k) => lines.push(fit((k === 0 ? fit(entry.keys, keyWidth, ellipsis) : ' '.repeat(keyWidth)) + part, width, ellipsis).trimEnd()));
  }
  return lines;
}

/** The first line to show so that `scroll` stays in range for `total` lines in `rows` rows. */
export function clampScroll(scroll: number, total: number, rows: number): number {
  return Math.max(0, Math.min(scroll, total - rows));
}

function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  out.push(line);
  return out;
}
