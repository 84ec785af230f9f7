import { Text } from 'ink';

/** Shown instead of the UI below 80×24. */
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return <Text wrap="truncate">{`terminal too small (${columns}×${rows}); pmdaemon monit needs at least 80×24 — q quits`}</Text>;
}
