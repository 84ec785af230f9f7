import stringWidth from 'string-width';
import { SGR_RESET, sgrAt } from './sgr.js';

/** Columns a line takes on screen, ignoring SGR sequences and counting wide characters as 2. */
export function visibleWidth(text: string): number {
  return stringWidth(text);
}

/**
 * The longest prefix of `text` (sanitised: SGR + printable only) that fits in `columns`, with
 * its SGR sequences kept and a reset appended when one was kept, so the cut cannot bleed.
 */
export function truncateAnsi(text: string, columns: number): string {
  if (visibleWidth(text) <= columns) return text;
  let out = '';
  let used = 0;
  let styled = false;
  // Where each visible character starts in `out`, to take characters back off the end.
  const starts: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 0x1b) {
      const sgr = sgrAt(text, i);
      if (sgr !== undefined) {
        out += sgr;
        styled = true;
        i += sgr.length;
        continue;
      }
    }
    const cp = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(cp);
    const width = cp >= 0x20 && cp < 0x7f ? 1 : stringWidth(char);
    if (used + width > columns) break;
    starts.push(out.length);
    out += char;
    used += width;
    i += char.length;
  }
  // Per code point widths can undercount a grapheme (emoji + VS16): cut until the real width fits.
  while (starts.length > 0 && visibleWidth(out) > columns) out = out.slice(0, starts.pop());
  return styled ? out + SGR_RESET : out;
}

/** A run of text in a row; `text` may carry SGR sequences. */
export interface TextPiece {
  text: string;
}

/**
 * Cuts a row of pieces to `width` columns: the piece that crosses the edge is truncated and an
 * `ellipsis` piece ends the row; a row that fits is returned as it is.
 */
export function fitPieces<T extends TextPiece>(pieces: readonly T[], width: number, ellipsis: string): (T | TextPiece)[] {
  const widths = pieces.map((piece) => visibleWidth(piece.text));
  if (widths.reduce((sum, w) => sum + w, 0) <= width) return [...pieces];
  const ellipsisWidth = visibleWidth(ellipsis);
  const budget = width - ellipsisWidth;
  if (budget < 0) return [{ text: truncateAnsi(ellipsis, Math.max(0, width)) }];
  const out: (T | TextPiece)[] = [];
  let used = 0;
  for (const [index, piece] of pieces.entries()) {
    const w = widths[index] ?? 0;
    if (used + w <= budget) {
      out.push(piece);
      used += w;
      continue;
    }
    const cut = truncateAnsi(piece.text, budget - used);
    if (cut !== '') out.push({ ...piece, text: cut });
    break;
  }
  out.push({ text: ellipsis });
  return out;
}
