import type { Mirror } from '../state/mirror.js';

const HOUR = 3_600_000;

/** Totals the header shows (pure). */
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
      for (const exit of i.exits) if (now - exit.at < HOUR) restartsLastHour++;
    }
  }
  return { online, total, unhealthy, restartsLastHour };
}
