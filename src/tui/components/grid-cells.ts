import { formatBytes } from '../../lib/format-bytes.js';
import type { InstanceState, InstanceStatus } from '../../supervisor/types.js';
import type { Column } from './grid-columns.js';
import { formatUptime } from './format-uptime.js';
import { sparkline } from './sparkline.js';
import type { Glyphs } from '../theme.js';

const STATUS_LABEL: Record<InstanceStatus, string> = {
  starting: 'starting',
  online: 'online',
  stopping: 'stopping',
  stopped: 'stopped',
  errored: 'errored',
  'waiting-restart': 'backoff',
};

/** The plain text of one cell of an instance row (pure). */
export function instanceCell(column: Column, i: InstanceState, now: number, glyphs: Glyphs): string {
  switch (column.id) {
    case 'name':
      return `${i.app}-${i.id}`;
    case 'status':
      return STATUS_LABEL[i.status];
    case 'health':
      return i.health === 'unknown' ? '-' : i.health;
    case 'pid':
      return i.pid === undefined ? '-' : String(i.pid);
    case 'port':
      return i.port === undefined ? '-' : String(i.port);
    case 'cpu':
      return i.pid === undefined ? '-' : i.cpu.toFixed(i.cpu >= 10 ? 0 : 1);
    case 'spark':
      return sparkline(padHistory(i.history.map((s) => s.cpu), column.width), column.width, glyphs.spark, { max: 100 });
    case 'memory':
      return i.pid === undefined ? '-' : formatBytes(i.memory).replace(' ', '');
    case 'uptime':
      return i.pid === undefined || i.startedAt === undefined ? '-' : formatUptime(i.startedAt, now);
    case 'restarts':
      return String(i.restarts);
  }
}

/**
 * The CPU of the seconds before the first sample is 0 (the process did not exist): a young
 * instance draws a flat baseline instead of a line that grows one column a second.
 */
function padHistory(values: number[], width: number): number[] {
  return values.length >= width ? values : [...new Array<number>(width - values.length).fill(0), ...values];
}
