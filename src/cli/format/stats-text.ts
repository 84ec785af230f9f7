import type { AppStats } from '../../api/types.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { formatUptime } from './duration.js';

/** The human form of `stats <app>`. */
export function formatStats(s: AppStats): string[] {
  const uptime = s.online === 0 ? 'none online' : `${formatUptime(s.uptimeMin)} – ${formatUptime(s.uptimeMax)} (shortest – longest)`;
  return [
    `${s.app}: ${s.online}/${s.total} online, ${s.healthy} healthy, ${s.unhealthy} unhealthy`,
    `  cpu       ${s.cpuTotal.toFixed(1)}% total, ${s.cpuAvg.toFixed(1)}% average per online instance`,
    `  memory    ${formatBytes(s.memoryTotal)} total`,
    `  restarts  ${s.restarts}`,
    `  uptime    ${uptime}`,
  ];
}
