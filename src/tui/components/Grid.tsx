import { Box, Text } from 'ink';
import type { RollingProgress } from '../../api/types.js';
import { formatPort } from '../../config/validate-ports.js';
import type { GridRow } from '../state/grid-rows.js';
import type { Theme } from '../theme.js';
import { gridColumns, type Column } from './grid-columns.js';
import { instanceCell } from './grid-cells.js';
import { fit } from './text-fit.js';

export interface GridProps {
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
}

/** The cluster grid: apps with their instances, only the window around the selection rendered. */
export function Grid(props: GridProps) {
  const { rows, selectedKey, width, height, theme } = props;
  const columns = gridColumns(width, props.unicode);
  const bodyHeight = Math.max(1, height - 1);
  const selected = Math.max(0, rows.findIndex((r) => r.key === selectedKey));
  const start = Math.min(Math.max(0, selected - Math.floor(bodyHeight / 2)), Math.max(0, rows.length - bodyHeight));
  const visible = rows.slice(start, start + bodyHeight);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.dim} wrap="truncate">
        {'  ' + columns.map((c) => fit(c.title, c.width, '', c.align)).join(' ')}
      </Text>
      {visible.map((row) =>
        row.kind === 'app' ? (
          <AppRow key={row.key} row={row} {...props} selected={row.key === selectedKey} />
        ) : (
          <InstanceRow key={row.key} row={row} columns={columns} {...props} selected={row.key === selectedKey} />
        ),
      )}
      {rows.length === 0 ? <Text color={theme.dim}>  no apps: start one with pmdaemon start</Text> : null}
    </Box>
  );
}

function AppRow({ row, theme, width, selected, pendingScale, rolling, focused }: GridProps & { row: Extract<GridRow, { kind: 'app' }>; selected: boolean }) {
  const g = theme.glyphs;
  const pending = pendingScale[row.app];
  const steps = rolling[row.app];
  const scale = pending !== undefined && pending !== row.total ? `  ${g.pending} scaling to ${pending}` : '';
  const roll = steps && steps.length > 0 ? `  rolling: ${steps.map((s) => `${s.instance}:${s.phase}`).join(' ')}` : '';
  const ports = formatPort(row.spec.port);
  const text = `${selected ? g.selected : ' '}${row.collapsed ? g.collapsed : g.expanded} ${row.app}  ${row.online}/${row.total} online${ports ? `  ports ${ports}` : ''}${scale}${roll}`;
  const color = row.online === row.total ? theme.ok : row.online === 0 ? theme.error : theme.warn;
  return (
    <Text bold inverse={selected && focused} color={color} wrap="truncate">
      {fit(text, width, g.ellipsis)}
    </Text>
  );
}

function InstanceRow({ row, columns, theme, now, changed, selected, focused }: GridProps & { row: Extract<GridRow, { kind: 'instance' }>; columns: Column[]; selected: boolean }) {
  const i = row.instance;
  const g = theme.glyphs;
  const mark = (field: string): boolean => now - (changed[`${i.app}-${i.id}:${field}`] ?? -Infinity) < 3000;
  const color = (c: Column): string | undefined => {
    if (c.id === 'status') return theme.status(i.status);
    if (c.id === 'health') return theme.health(i.health);
    if (c.id === 'spark') return theme.accent;
    return undefined;
  };
  return (
    <Box width={columns.reduce((s, c) => s + c.width + 1, 1)}>
      <Text inverse={selected && focused}>{selected ? g.selected + ' ' : '  '}</Text>
      {columns.map((c) => {
        const changedNow = mark(c.id === 'memory' ? 'none' : c.id);
        const text = instanceCell(c, i, now, g);
        const cell = fit(changedNow ? `${text}${g.changed}` : text, c.width, g.ellipsis, c.align);
        return (
          <Text key={c.id} color={selected && focused ? undefined : color(c)} bold={changedNow} inverse={selected && focused}>
            {cell + ' '}
          </Text>
        );
      })}
    </Box>
  );
}
