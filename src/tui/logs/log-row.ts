import type { LogStreamName } from '../../api/types.js';
import type { Theme } from '../theme.js';
import { fitPieces, visibleWidth } from './fit-ansi.js';
import type { LogSlice } from './log-store.js';
import { highlight } from './search.js';

/** A line the pane draws: its sequence number in its source, sanitised text, stream and instance. */
export interface DisplayLine {
  seq: number;
  text: string;
  stream: LogStreamName;
  instance: number;
}

/** A styled run of one row; `text` may carry the line's own SGR sequences. */
export interface RowPiece {
  text: string;
  color?: string | undefined;
  inverse?: boolean;
  bold?: boolean;
  underline?: boolean;
  dim?: boolean;
}

export interface RowStyle {
  theme: Theme;
  /** Search query ('' = none) and which match in this line the cursor is on (-1 = none). */
  query: string;
  currentOccurrence: number;
  /** Merged view: `<app>-<id>` before each line, padded to `width` columns. */
  prefix?: { app: string; width: number };
}

/** Display lines for a slice of the store. */
export function toDisplayLines(slice: LogSlice): DisplayLine[] {
  return slice.lines.map((line, index) => ({ seq: slice.from + index, text: line.text, stream: line.stream, instance: line.instance }));
}

/** The `<app>-<id>` label of a line in the merged view. */
export function prefixLabel(app: string, instance: number): string {
  return `${app}-${instance}`;
}

/**
 * One log line as styled pieces no wider than `width`: optional instance prefix (a stable colour
 * per instance), matches of the search in the highlight style, stderr lines without colours of
 * their own in the error colour, and an ellipsis where the line is cut.
 */
export function buildRow(line: DisplayLine, width: number, style: RowStyle): RowPiece[] {
  const { theme } = style;
  const pieces: RowPiece[] = [];
  if (style.prefix !== undefined) {
    const label = prefixLabel(style.prefix.app, line.instance).padEnd(style.prefix.width);
    pieces.push({ text: `${label} `, color: theme.instance(line.instance) });
  }
  const plainColor = line.stream === 'err' && !line.text.includes('\x1b') ? theme.error : undefined;
  for (const segment of highlight(line.text, style.query, style.currentOccurrence)) {
    if (!segment.match) pieces.push({ text: segment.text, color: plainColor });
    else if (segment.current) pieces.push({ text: segment.text, inverse: true, bold: true, underline: true, color: theme.warn });
    else pieces.push({ text: segment.text, inverse: true });
  }
  const fitted = fitPieces(pieces, width, theme.glyphs.ellipsis);
  // Ink gives a row with nothing visible no height: keep blank lines one row tall.
  return fitted.some((piece) => visibleWidth(piece.text) > 0) ? fitted : [{ text: ' ' }];
}
