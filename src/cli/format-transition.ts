import type { Transition } from '../supervisor/transitions.js';

/** One line per state change: time, instance, status, pid, port, health, reason. */
export function formatTransition(t: Transition, at: Date): string {
  const time = at.toISOString().slice(11, 23);
  const parts = [time, `${t.app}-${t.id}`.padEnd(14), t.status.padEnd(15)];
  if (t.pid !== undefined) parts.push(`pid ${t.pid}`);
  if (t.port !== undefined) parts.push(`port ${t.port}`);
  if (t.health !== 'unknown') parts.push(t.health);
  if (t.reason && t.status !== 'online') parts.push(`— ${t.reason}`);
  return parts.join('  ');
}
