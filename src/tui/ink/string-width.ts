// Columns of a string (ANSI codes excluded), remembered: string-width scans every grapheme with
// Unicode regexps, and Ink asks for the same lines and characters on every frame.
import rawStringWidth from 'string-width';
import { boundedMemo } from './bounded-memo.js';

/** string-width's answer, from a bounded cache. */
export const stringWidth = boundedMemo((text: string) => rawStringWidth(text), 5000);

/** Columns of the widest line of `text`; widest-line's answer, for Ink in the UI bundle (scripts/bundle-ui.mjs). */
export const widestLine = boundedMemo((text: string): number => {
  let width = 0;
  for (const line of text.split('\n')) width = Math.max(width, stringWidth(line));
  return width;
});
