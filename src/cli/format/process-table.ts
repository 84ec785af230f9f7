import type { ProcessRow } from '../../api/types.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { formatUptime } from './duration.js';
import { renderTable, type Column } from './table.js';

const COLUMNS: readonly Column[] = [
  { header: 'id', shrinkTo: 8 },
  { header: 'status' },
  { header: 'health' },
  { header: 'pid', align: 'right' },
  { header: 'port', align: 'right' },
  { header: 'cpu', align: 'right' },
  { header: 'memory', align: 'right' },
  { header: 'uptime', align: 'right' },
  { header: 'restarts', align: 'right' },
];

/** Memory as a table shows it: "42.1M", "512K", "1.5G". */
export function compactBytes(bytes: number): string {
  return formatBytes(bytes).replace(/ ([KMGT])iB$/, '$1').replace(/ B$/, 'B');
}

/** The `list` table: one line per instance, within `width` columns (80 unless the terminal is wider). */
export function formatProcessTable(rows: readonly ProcessRow[], width = 80): string[] {
  return renderTable(COLUMNS, rows.map(processCells), width);
}

function processCells(row: ProcessRow): string[] {
  const running = row.pid !== null;
  return [
    row.id,
    row.status,
    row.health === 'unknown' ? '-' : row.health,
    row.pid === null ? '-' : String(row.pid),
    row.port === null ? '-' : String(row.port),
    running ? `${row.cpu.toFixed(1)}%` : '-',
    running && row.memory > 0 ? compactBytes(row.memory) : '-',
    running ? formatUptime(row.uptime) : '-',
    String(row.restarts),
  ];
}
