import type { Theme } from '../theme.js';
import { fitPieces, visibleWidth } from './fit-ansi.js';
import type { RowPiece } from './log-row.js';
import { sanitizeLine } from './sanitize-line.js';

/** The search shown in a pane's title: the query, the cursor (-1 = none yet) and the match count. */
export interface LogSearch {
  query: string;
  current: number;
  total: number;
}

export interface TitleInput {
  title: string;
  follow: boolean;
  newLines: number;
  search?: LogSearch | undefined;
  width: number;
  theme: Theme;
}

/**
 * The pane's title row, exactly `width` columns: the title on the left; the search, the
 * "N new lines" badge and FOLLOW/PAUSED on the right. The title gives way first, then the search,
 * then the badge.
 */
export function buildTitle(input: TitleInput): RowPiece[] {
  const { theme, width } = input;
  const marker: RowPiece = input.follow ? { text: 'FOLLOW', color: theme.ok, bold: true } : { text: 'PAUSED', color: theme.warn, bold: true, inverse: true };
  const badge: RowPiece | undefined = !input.follow && input.newLines > 0 ? { text: `+${input.newLines} new lines`, color: theme.warn, bold: true } : undefined;
  const search: RowPiece | undefined = input.search !== undefined && input.search.query !== '' ? { text: searchText(input.search), color: theme.accent } : undefined;
  const title: RowPiece = { text: sanitizeLine(input.title, { maxChars: 200 }), color: theme.accent, bold: true };
  for (const right of [[search, badge, marker], [badge, marker], [marker]]) {
    const parts = right.filter((piece): piece is RowPiece => piece !== undefined);
    const rightWidth = parts.reduce((sum, piece) => sum + visibleWidth(piece.text), parts.length - 1);
    if (rightWidth + 2 > width) continue;
    const left = fitPieces([title], width - rightWidth - 1, theme.glyphs.ellipsis);
    const gap = width - rightWidth - left.reduce((sum, piece) => sum + visibleWidth(piece.text), 0);
    return [...left, { text: ' '.repeat(gap) }, ...parts.flatMap((piece, index) => (index === 0 ? [piece] : [{ text: ' ' }, piece]))];
  }
  return fitPieces([marker], width, '');
}

function searchText(search: LogSearch): string {
  const query = `/${sanitizeLine(search.query, { maxChars: 60 })}`;
  if (search.total === 0) return `${query} (no match)`;
  if (search.current < 0) return `${query} (${search.total})`;
  return `${query} (${search.current + 1}/${search.total})`;
}
