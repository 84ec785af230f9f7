import { gridLines, type GridInput } from '../components/grid-lines.js';
import { headerLines } from '../components/header-lines.js';
import { gridRows, type GridRow } from '../state/grid-rows.js';
import type { UiState } from '../state/ui-state.js';
import type { Theme } from '../theme.js';
import { gridLayout } from './layout.js';

/** The grid's rows for the state's filters. */
export function rowsOf(s: UiState): GridRow[] {
  return gridRows(s.mirror, { collapsed: s.collapsed, text: s.filter, faultsOnly: s.faultsOnly });
}

/** What the Grid component draws for this state (pure). */
export function gridInput(s: UiState, rows: readonly GridRow[], theme: Theme, unicode: boolean): GridInput {
  const layout = gridLayout(s.rows, s.focus, s.connection !== 'connected');
  return {
    rows,
    selectedKey: s.selectedKey ?? rows[0]?.key,
    width: s.columns,
    height: layout.grid,
    theme,
    unicode,
    now: s.now,
    changed: s.changed,
    pendingScale: s.pendingScale,
    rolling: s.rolling,
    focused: s.focus === 'grid',
    stale: s.connection === 'lost',
  };
}

/** The message the footer shows instead of the key hints, if any (pure). */
export function footerMessage(s: UiState, theme: Theme): { text: string; level: 'info' | 'error' | 'prompt' } | undefined {
  if (s.confirm) return { text: s.confirm.message, level: 'prompt' };
  if (s.editing === 'filter') return { text: `filter: ${s.filter}${theme.glyphs.cursor} (Enter keeps it, Esc clears it)`, level: 'prompt' };
  if (s.editing === 'search') return { text: `search: ${s.logView.search.query}${theme.glyphs.cursor} (Enter searches, Esc cancels)`, level: 'prompt' };
  if (s.notice && s.now - s.notice.at < 4000) return { text: s.notice.text, level: s.notice.level };
  return undefined;
}

/**
 * Everything of the grid screen that the mirror and the clock can change, as one string (the log
 * pane aside: its window is compared by identity). Two states with the same key draw the same
 * frame, so the shell need not render. Undefined for the views that draw charts or tables of
 * every sample (details, topology, compare, help): those render on every change.
 */
export function gridScreenKey(s: UiState, theme: Theme, unicode: boolean): string | undefined {
  if (s.columns < 80 || s.rows < 24) return `too small ${s.columns}x${s.rows}`;
  if (s.showHelp || s.view !== 'grid' || s.bottom === 'details') return undefined;
  const grid = gridLines(gridInput(s, rowsOf(s), theme, unicode));
  const footer = footerMessage(s, theme);
  return [...headerLines(s.mirror, s.now, s.columns, theme, s.mode, s.connection === 'lost'), s.connection, grid.header, ...grid.lines.map((line) => line.text), footer ? `${footer.level}:${footer.text}` : ''].join('\n');
}
