import type { ExitReason } from '../../supervisor/types.js';
import type { Mirror } from '../state/mirror.js';

const HOUR = 3_600_000;

// Exits the supervisor answers by restarting (a crash it gives up on too: exits don't say); not user stops/restarts or spawn failures.
const AUTOMATIC: ReadonlySet<ExitReason> = new Set<ExitReason>(['crash', 'memory-limit', 'unhealthy']);

/** Totals the header shows (pure); restarts count at most MAX_EXITS_KEPT recent exits per instance. */
export function headerCounts(mirror: Mirror, now: number): { online: number; total: number; unhealthy: number; restartsLastHour: number } {
  let online = 0;
  let total = 0;
  let unhealthy = 0;
  let restartsLastHour = 0;
  for (const app of Object.values(mirror.apps)) {
    for (const i of app.instances) {
      total++;
      if (i.status === 'online') online++;
      if (i.health === 'unhealthy') unhealthy++;
      for (const exit of i.exits) if (now - exit.at < HOUR && AUTOMATIC.has(exit.reason)) restartsLastHour++;
    }
  }
  return { online, total, unhealthy, restartsLastHour };
}
