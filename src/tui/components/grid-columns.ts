/** A grid column: its header and width; `spark` is the CPU sparkline. */
export interface Column {
  id: 'name' | 'status' | 'health' | 'pid' | 'port' | 'cpu' | 'spark' | 'memory' | 'uptime' | 'restarts';
  title: string;
  width: number;
  align: 'left' | 'right';
}

const BASE: Column[] = [
  { id: 'name', title: 'NAME', width: 14, align: 'left' },
  { id: 'status', title: 'STATUS', width: 9, align: 'left' },
  { id: 'health', title: 'HEALTH', width: 9, align: 'left' },
  { id: 'pid', title: 'PID', width: 7, align: 'right' },
  { id: 'port', title: 'PORT', width: 5, align: 'right' },
  { id: 'cpu', title: 'CPU%', width: 5, align: 'right' },
  { id: 'spark', title: '', width: 8, align: 'left' },
  { id: 'memory', title: 'MEM', width: 8, align: 'right' },
  { id: 'uptime', title: 'UPTIME', width: 6, align: 'right' },
  { id: 'restarts', title: '↺', width: 3, align: 'right' },
];

/** Columns fitted to the width: the name column takes what is left (pure). 2 columns of selection marker, 1 space between columns. */
export function gridColumns(width: number, unicode: boolean): Column[] {
  const columns = BASE.map((c) => (c.id === 'restarts' && !unicode ? { ...c, title: 'RST' } : { ...c }));
  const spark = columns.find((c) => c.id === 'spark')!;
  spark.width = width >= 110 ? 20 : width >= 95 ? 12 : 6;
  const used = 2 + columns.reduce((sum, c) => sum + c.width + 1, 0) - 1;
  const name = columns.find((c) => c.id === 'name')!;
  name.width = Math.max(8, name.width + (width - used));
  return columns;
}
