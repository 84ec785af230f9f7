/** "0s", "42s", "3m12s", "5h03m", "2d04h": two units at most, for narrow columns. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  // A negative span is clock skew between two readings: show it as nothing elapsed.
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}
