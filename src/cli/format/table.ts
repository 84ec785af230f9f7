/** One column of a text table. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** The column may be cut down to this width (with "…") to fit the table's width. */
  shrinkTo?: number;
}

/**
 * Lays out `rows` under `columns` within `width` characters: columns as wide as their widest
 * cell, two spaces apart; when too wide, shrinkable columns are cut, then gaps narrow to one.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], width: number): string[] {
  const natural = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  let gap = 2;
  let widths = fit(columns, natural, width, gap);
  if (total(widths, gap) > width) widths = fit(columns, natural, width, (gap = 1));
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => cell(cells[i] ?? '', widths[i]!, c.align ?? 'left'))
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

function fit(columns: readonly Column[], natural: readonly number[], width: number, gap: number): number[] {
  const widths = [...natural];
  let excess = total(widths, gap) - width;
  columns.forEach((c, i) => {
    if (excess <= 0 || c.shrinkTo === undefined) return;
    const cut = Math.min(excess, Math.max(0, widths[i]! - Math.max(c.shrinkTo, c.header.length)));
    widths[i] = widths[i]! - cut;
    excess -= cut;
  });
  return widths;
}

function total(widths: readonly number[], gap: number): number {
  return widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1);
}

function cell(text: string, width: number, align: 'left' | 'right'): string {
  const shown = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return align === 'right' ? shown.padStart(width) : shown.padEnd(width);
}
