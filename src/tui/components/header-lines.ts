import { formatBytes } from '../../lib/format-bytes.js';
import type { Mirror } from '../state/mirror.js';
import type { Theme } from '../theme.js';
import { formatUptime } from './format-uptime.js';
import { headerCounts } from './header-counts.js';
import { paint } from './paint.js';
import { fit } from './text-fit.js';

const STALE = '  (stale)';

/**
 * The two header rows, painted: host CPU, memory and 1-minute load; then the counts and the daemon's
 * uptime (pure). `stale` (the daemon went away) draws both dim and ends each with "(stale)".
 */
export function headerLines(mirror: Mirror, now: number, width: number, theme: Theme, mode: 'daemon' | 'in-process', stale = false): [string, string] {
  const host = mirror.host;
  const counts = headerCounts(mirror, now);
  const hostText = host
    ? `cpu ${Math.round(host.cpu)}%  mem ${formatBytes(host.memUsed)}/${formatBytes(host.memTotal)}  load ${host.load[0].toFixed(2)}`
    : 'host metrics pending';
  const up = mirror.startedAt > 0 ? formatUptime(mirror.startedAt, now) : '-';
  const title = mode === 'daemon' ? 'pmdaemon' : 'pmdaemon (foreground)';
  const first = paint([{ text: fit(`${title}  ${hostText}${stale ? STALE : ''}`, width, theme.glyphs.ellipsis).trimEnd(), bold: true, color: stale ? theme.dim : theme.accent }], theme.depth);
  const online = `online ${counts.online}/${counts.total}`;
  const unhealthy = `  unhealthy ${counts.unhealthy}`;
  const rest = `  restarts/1h ${counts.restartsLastHour}  ${mode === 'daemon' ? 'daemon ' : ''}up ${up}`;
  const pieces = [
    { text: online, color: counts.online < counts.total ? theme.warn : theme.ok },
    { text: unhealthy, color: counts.unhealthy > 0 ? theme.error : undefined },
    { text: rest },
  ];
  const second = paint(fitted(stale ? [...pieces, { text: STALE }].map((p) => ({ ...p, color: theme.dim })) : pieces, width), theme.depth);
  return [first, second];
}

/** Cuts plain pieces to `width` columns in total. */
function fitted<T extends { text: string }>(pieces: T[], width: number): T[] {
  let left = width;
  const out: T[] = [];
  for (const piece of pieces) {
    if (left <= 0) break;
    out.push({ ...piece, text: piece.text.slice(0, left) });
    left -= piece.text.length;
  }
  return out;
}
