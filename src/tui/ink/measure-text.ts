// Ink's measure-text (a text node's columns and rows, for Yoga) with a bounded cache: Ink's keeps
// every text it ever measured, so each new log line on the screen stayed in memory for good.
import { boundedMemo } from './bounded-memo.js';
import { widestLine } from './string-width.js';

const EMPTY = { width: 0, height: 0 };
const measure = boundedMemo((text: string) => ({ width: widestLine(text), height: text.split('\n').length }));

/** Columns of the widest line and number of lines of `text`. */
export default function measureText(text: string): { width: number; height: number } {
  return text.length === 0 ? EMPTY : measure(text);
}
