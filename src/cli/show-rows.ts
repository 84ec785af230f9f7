import type { ProcessRow } from '../api/types.js';
import { formatProcessTable } from './format/process-table.js';
import { writeJson, writeLines, type CliIo } from './io.js';

/** The table width: 80 columns, or the terminal's when it is wider. */
export function tableWidth(io: CliIo): number {
  return io.stdout.isTTY && io.stdout.columns !== undefined ? Math.max(80, io.stdout.columns) : 80;
}

/** Prints rows as the `list` table, or as the `list --json` array. */
export function showRows(io: CliIo, rows: readonly ProcessRow[], json: boolean): void {
  if (json) writeJson(io, rows);
  else writeLines(io, formatProcessTable(rows, tableWidth(io)));
}
