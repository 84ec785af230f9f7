import { Box, Text } from 'ink';
import { formatBytes } from '../../lib/format-bytes.js';
import { formatDuration } from '../../lib/format-duration.js';
import type { Mirror } from '../state/mirror.js';
import type { Theme } from '../theme.js';
import { headerCounts } from './header-counts.js';
import { fit } from './text-fit.js';

export interface HeaderProps {
  mirror: Mirror;
  now: number;
  width: number;
  theme: Theme;
  mode: 'daemon' | 'in-process';
}

/** Host CPU, memory and load; instances online/total, unhealthy, restarts in the last hour, uptime. */
export function Header({ mirror, now, width, theme, mode }: HeaderProps) {
  const host = mirror.host;
  const counts = headerCounts(mirror, now);
  const hostText = host
    ? `cpu ${Math.round(host.cpu)}%  mem ${formatBytes(host.memUsed)}/${formatBytes(host.memTotal)}  load ${host.load.map((l) => l.toFixed(2)).join(' ')}`
    : 'host metrics pending';
  const up = mirror.startedAt > 0 ? formatDuration(now - mirror.startedAt) : '-';
  const title = mode === 'daemon' ? 'pmdaemon' : 'pmdaemon (foreground)';
  const firstLine = `${title}  ${hostText}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.accent} wrap="truncate">
        {fit(firstLine, width, theme.glyphs.ellipsis)}
      </Text>
      <Text wrap="truncate">
        <Text color={counts.online < counts.total ? theme.warn : theme.ok}>{`online ${counts.online}/${counts.total}`}</Text>
        <Text color={counts.unhealthy > 0 ? theme.error : undefined}>{`  unhealthy ${counts.unhealthy}`}</Text>
        <Text>{`  restarts/1h ${counts.restartsLastHour}  ${mode === 'daemon' ? 'daemon ' : ''}up ${up}`}</Text>
      </Text>
    </Box>
  );
}
