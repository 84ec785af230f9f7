import type { RollingProgress } from '../../api/types.js';
import type { AutoscaleSpec } from '../../config/spec.js';
import { formatPort } from '../../config/validate-ports.js';
import { formatBytes } from '../../lib/format-bytes.js';
import type { AutoscaleStatus } from '../../supervisor/types.js';
import type { GridRow } from '../state/grid-rows.js';
import type { Glyphs, Theme } from '../theme.js';
import { gridColumns, type Column } from './grid-columns.js';
import { instanceCell } from './grid-cells.js';
import { paint, type StyledPiece } from './paint.js';
import { fit } from './text-fit.js';

/** What the grid needs to draw itself (the same props the Grid component gets). */
export interface GridInput {
  rows: readonly GridRow[];
  selectedKey: string | undefined;
  width: number;
  /** Rows available, including the column header. */
  height: number;
  theme: Theme;
  unicode: boolean;
  now: number;
  changed: Readonly<Record<string, number>>;
  pendingScale: Readonly<Record<string, number>>;
  rolling: Readonly<Record<string, readonly RollingProgress[]>>;
  focused: boolean;
  /** The daemon went away: live values are drawn dim and each status carries the stale glyph. */
  stale?: boolean;
}

/** The grid as painted lines: the column header, then one line per visible row (keyed). */
export interface GridLines {
  header: string;
  lines: ReadonlyArray<{ key: string; text: string }>;
}

const MARK_MS = 3000;

// What the instance row shows of the processes themselves, as opposed to their name and port from the spec.
const LIVE: ReadonlySet<Column['id']> = new Set(['status', 'health', 'pid', 'cpu', 'spark', 'memory', 'uptime', 'restarts']);

/** Only the window of rows around the selection, each painted to one string of `width` columns (pure). */
export function gridLines(input: GridInput): GridLines {
  const { rows, selectedKey, width, height, theme } = input;
  const columns = gridColumns(width, input.unicode);
  const bodyHeight = Math.max(1, height - 1);
  const selected = Math.max(0, rows.findIndex((r) => r.key === selectedKey));
  const start = Math.min(Math.max(0, selected - Math.floor(bodyHeight / 2)), Math.max(0, rows.length - bodyHeight));
  const header = paint([{ text: fit('  ' + columns.map((c) => fit(c.title, c.width, '', c.align)).join(' '), width, ''), bold: true, color: theme.dim }], theme.depth);
  const lines = rows.slice(start, start + bodyHeight).map((row) => {
    const isSelected = row.key === selectedKey;
    const pieces = row.kind === 'app' ? appPieces(row, input, isSelected) : instancePieces(row, columns, input, isSelected);
    return { key: row.key, text: paint(pieces, theme.depth) };
  });
  return { header, lines };
}

function appPieces(row: Extract<GridRow, { kind: 'app' }>, input: GridInput, selected: boolean): StyledPiece[] {
  const { theme, width } = input;
  const g = theme.glyphs;
  const pending = input.pendingScale[row.app];
  const steps = input.rolling[row.app];
  const scale = pending !== undefined && pending !== row.total ? `  ${g.pending} scaling to ${pending}` : '';
  const roll = steps && steps.length > 0 ? `  rolling: ${steps.map((s) => `${s.instance}:${s.phase}`).join(' ')}` : '';
  const ports = formatPort(row.spec.port);
  const auto = row.spec.autoscale ? `  ${autoscaleText(row.spec.autoscale, row.autoscale, g)}` : '';
  const text = `${selected ? g.selected : ' '}${row.collapsed ? g.collapsed : g.expanded} ${row.app}  ${row.online}/${row.total} online${ports ? `  ports ${ports}` : ''}${scale}${roll}${auto}`;
  const color = input.stale ? theme.dim : row.online === row.total ? theme.ok : row.online === 0 ? theme.error : theme.warn;
  return [{ text: fit(text, width, g.ellipsis), bold: true, inverse: selected && input.focused, color }];
}

/** "auto 2–8 @70% · last +1 (avg CPU 84% > 70% over 10s)": the settings, then the last decision. */
export function autoscaleText(spec: AutoscaleSpec, status: AutoscaleStatus | undefined, g: Glyphs): string {
  const memory = spec.memoryThreshold === undefined ? '' : ` mem ${formatBytes(spec.memoryThreshold).replace(' ', '')}`;
  const settings = `auto ${spec.min}${g.rangeDash}${spec.max} @${spec.cpuThreshold}%${memory}`;
  const last = status?.last;
  if (!last) return settings;
  const delta = last.to - last.from;
  const change = delta === 0 ? `held ${last.to}` : `${delta > 0 ? '+' : ''}${delta}`;
  return `${settings} ${g.dot} last ${change} (${last.reason})`;
}

function instancePieces(row: Extract<GridRow, { kind: 'instance' }>, columns: readonly Column[], input: GridInput, selected: boolean): StyledPiece[] {
  const { theme, now, changed } = input;
  const i = row.instance;
  const g = theme.glyphs;
  const inverse = selected && input.focused;
  const stale = input.stale === true;
  const color = (c: Column): string | undefined => {
    if (inverse) return undefined;
    if (stale && LIVE.has(c.id)) return theme.dim;
    if (c.id === 'status') return theme.status(i.status);
    if (c.id === 'health') return theme.health(i.health);
    if (c.id === 'spark') return theme.accent;
    return undefined;
  };
  const pieces: StyledPiece[] = [{ text: selected ? g.selected + ' ' : '  ', inverse }];
  for (const [index, c] of columns.entries()) {
    // A stale value did not just change as far as anyone knows, and the mark would push out the stale glyph.
    const marked = !stale && now - (changed[`${i.app}-${i.id}:${c.id === 'memory' ? 'none' : c.id}`] ?? -Infinity) < MARK_MS;
    const cell = instanceCell(c, i, now, g);
    const text = stale && c.id === 'status' ? cell + g.stale : cell;
    pieces.push({ text: fit(marked ? `${text}${g.changed}` : text, c.width, g.ellipsis, c.align) + (index < columns.length - 1 ? ' ' : ''), color: color(c), bold: marked, inverse });
  }
  return pieces;
}
