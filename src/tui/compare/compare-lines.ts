import { formatDuration } from '../../lib/format-duration.js';
import type { Glyphs } from '../theme.js';
import { fitLine, type Segment, type StyledLine, type Tone } from '../topology/styled-text.js';
import { differencesOnly, OUTLIER_FACTOR, type CompareColumn, type CompareModel, type CompareRow } from './build-compare.js';

/** Marks an outlier cell; ASCII, so it shows in every terminal and without colour. */
export const OUTLIER_MARK = '!';

export interface CompareLayout {
  glyphs: Glyphs;
  width: number;
  /** Lines available; unlimited when omitted (text output). */
  height?: number;
  differencesOnly: boolean;
}

const GAP = 2;

/** The compare table as styled lines: metrics as rows, instances as columns, as many as fit. */
export function compareLines(full: CompareModel, layout: CompareLayout): StyledLine[] {
  const model = layout.differencesOnly ? differencesOnly(full) : full;
  const labelWidth = Math.max(6, ...model.rows.map((r) => r.label.length));
  // Each column ends in a one-character marker slot, so marked and unmarked values line up.
  const widths = model.columns.map((c, k) => 1 + Math.max(c.label.length, ...model.rows.map((r) => r.cells[k]?.text.length ?? 0)));
  const shown = fittingColumns(widths, labelWidth, layout.width);
  const title = titleLine(full, shown, layout.differencesOnly);
  const header: Segment[] = [{ text: ''.padEnd(labelWidth) }];
  model.columns.slice(0, shown).forEach((c, k) => header.push({ text: ' '.repeat(GAP) + `${c.label.padStart(widths[k]! - 1)} `, tone: { status: c.status } }));
  const body = model.rows.map((row) => rowLine(row, model.columns, widths, shown, labelWidth));
  const empty: StyledLine[] = [[{ text: 'every instance shows the same values', tone: 'dim' }]];
  const legend: StyledLine = [{ text: `${OUTLIER_MARK} = over ${OUTLIER_FACTOR}x the median of the row`, tone: 'dim' }];
  const fixed = layout.height === undefined ? Infinity : Math.max(0, layout.height - 3);
  const rows = body.length === 0 ? empty : body.slice(0, fixed);
  const lines = [title, header, ...rows, ...(layout.height === undefined || rows.length + 3 <= layout.height ? [legend] : [])];
  return lines.slice(0, layout.height ?? lines.length).map((l) => fitLine(l, layout.width, layout.glyphs.ellipsis));
}

/** How many instance columns fit in `width` after the label column. */
export function fittingColumns(widths: readonly number[], labelWidth: number, width: number): number {
  let used = labelWidth;
  let n = 0;
  for (const w of widths) {
    if (used + GAP + w > width) break;
    used += GAP + w;
    n++;
  }
  return Math.max(1, Math.min(n, widths.length));
}

function titleLine(model: CompareModel, shown: number, diffOnly: boolean): StyledLine {
  const hidden = model.columns.slice(shown);
  const hiddenOutliers = hidden.filter((_c, k) => model.rows.some((r) => r.cells[shown + k]?.outlier)).length;
  const out: Segment[] = [
    { text: model.app, tone: 'accent' },
    { text: `  ${model.columns.length} instance${model.columns.length === 1 ? '' : 's'}  ${model.windowMs > 0 ? `cpu over ${formatDuration(model.windowMs)}` : 'no cpu samples yet'}`, tone: 'dim' },
  ];
  if (diffOnly) out.push({ text: '  differences only', tone: 'warn' });
  if (hidden.length > 0) {
    out.push({ text: `  +${hidden.length} more`, tone: 'warn' });
    if (hiddenOutliers > 0) out.push({ text: ` (${hiddenOutliers} with outliers)`, tone: 'warn' });
  }
  return out;
}

function rowLine(row: CompareRow, columns: readonly CompareColumn[], widths: readonly number[], shown: number, labelWidth: number): StyledLine {
  const out: Segment[] = [{ text: row.label.padEnd(labelWidth), tone: 'dim' }];
  for (let k = 0; k < shown; k++) {
    const cell = row.cells[k];
    const column = columns[k];
    if (!cell || !column) continue;
    const text = cell.text.padStart(widths[k]! - 1) + (cell.outlier ? OUTLIER_MARK : ' ');
    out.push({ text: ' '.repeat(GAP) }, { text, ...toneOf(row, column, cell.outlier) });
  }
  return out;
}

function toneOf(row: CompareRow, column: CompareColumn, outlier: boolean): { tone?: Tone } {
  if (outlier) return { tone: 'warn' };
  if (row.metric === 'status') return { tone: { status: column.status } };
  if (row.metric === 'health') return { tone: { health: column.health } };
  return {};
}
