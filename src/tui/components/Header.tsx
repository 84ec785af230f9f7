import { Box } from 'ink';
import type { Mirror } from '../state/mirror.js';
import type { Theme } from '../theme.js';
import { headerLines } from './header-lines.js';
import { PaintedLine } from './PaintedLine.js';

export interface HeaderProps {
  mirror: Mirror;
  now: number;
  width: number;
  theme: Theme;
  mode: 'daemon' | 'in-process';
  /** The daemon went away: the figures are the last ones it sent. */
  stale?: boolean;
}

/** Host CPU, memory and load; instances online/total, unhealthy, restarts in the last hour, uptime. */
export function Header({ mirror, now, width, theme, mode, stale = false }: HeaderProps) {
  const [first, second] = headerLines(mirror, now, width, theme, mode, stale);
  return (
    <Box flexDirection="column" width={width}>
      <PaintedLine text={first} />
      <PaintedLine text={second} />
    </Box>
  );
}
