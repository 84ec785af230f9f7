import type { Theme } from '../theme.js';
import { ansiText, plainText } from '../topology/styled-text.js';
import type { CompareModel } from './build-compare.js';
import { compareLines } from './compare-lines.js';

export interface CompareTextOptions {
  width: number;
  color: boolean;
  theme: Theme;
  differencesOnly: boolean;
}

/** The compare table as text lines for `pmdaemon compare` (the same lines the TUI view draws). */
export function renderCompareText(model: CompareModel, options: CompareTextOptions): string[] {
  return compareLines(model, { glyphs: options.theme.glyphs, width: options.width, differencesOnly: options.differencesOnly }).map((line) =>
    options.color ? ansiText(line, options.theme) : plainText(line).trimEnd(),
  );
}
