/** An uptime in at most two units: "45s", "12m 5s", "3h 12m", "4d 3h". */
export function formatUptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** A configured duration as a user would write it: "500ms", "1.6s", "2m". */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Number((ms / 1000).toFixed(3))}s`;
}

/** How long ago `at` was, relative to `now`: "3s ago", "2h 5m ago". */
export function formatAgo(at: number, now: number): string {
  return `${formatUptime(now - at)} ago`;
}
