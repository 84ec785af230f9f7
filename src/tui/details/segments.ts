/** A piece of one line of text with its style; colour `undefined` = the terminal's default. */
export interface Segment {
  text: string;
  color?: string | undefined;
  bold?: boolean;
  dim?: boolean;
}

/**
 * Keeps the segments that fit in `width` columns, cutting the first one that does not and
 * ending it with `ellipsis`, so a line is never wider than its pane.
 */
export function fitSegments(segments: readonly Segment[], width: number, ellipsis: string): Segment[] {
  if (segmentsWidth(segments) <= width) return [...segments];
  const mark = textWidth(ellipsis) <= width ? ellipsis : '';
  const budget = Math.max(0, width - textWidth(mark));
  const out: Segment[] = [];
  let used = 0;
  for (const segment of segments) {
    const size = textWidth(segment.text);
    if (used + size <= budget) {
      out.push(segment);
      used += size;
      continue;
    }
    out.push({ ...segment, text: cutToWidth(segment.text, budget - used) + mark });
    return out;
  }
  return out;
}

/** Total columns of a line of segments. */
export function segmentsWidth(segments: readonly Segment[]): number {
  return segments.reduce((sum, s) => sum + textWidth(s.text), 0);
}

/** Columns a string takes in a terminal: CJK and emoji take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** The longest prefix of `text` that fits in `width` columns. */
export function cutToWidth(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = charWidth(char.codePointAt(0) ?? 0);
    if (used + size > width) break;
    out += char;
    used += size;
  }
  return out;
}

// The East Asian Wide/Fullwidth blocks and the emoji planes, enough to never under-count.
function charWidth(code: number): number {
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f680 && code <= 0x1f6ff) ||
    (code >= 0x1f900 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}
