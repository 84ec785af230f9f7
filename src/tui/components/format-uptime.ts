const MINUTE = 60_000;

/**
 * Uptime for the grid and the header, in whole minutes ("<1m", "5m", "2h05m", "3d04h"), so an
 * idle screen does not change every second. Minutes are the wall-clock minute boundaries passed
 * since the start (within a minute of the exact figure): every row then changes in the same
 * frame, once a minute, not one row a second.
 */
export function formatUptime(startedAt: number, now: number): string {
  if (!Number.isFinite(startedAt) || !Number.isFinite(now)) return '-';
  if (now - startedAt < MINUTE) return '<1m';
  const m = Math.max(1, Math.floor(now / MINUTE) - Math.floor(startedAt / MINUTE));
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}
