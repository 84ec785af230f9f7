import { Text } from 'ink';

/** Shown instead of the UI below 80×24. */
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return <Text wrap="truncate">{`terminal too small (${columns}x${rows}); pmdaemon monit needs at least 80x24; q quits`}</Text>;
}
