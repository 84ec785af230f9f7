import { Text } from 'ink';
import { memo } from 'react';

/** One screen row already painted to a string of SGR and text; re-renders only when the string changes. */
export const PaintedLine = memo(function PaintedLine({ text }: { text: string }) {
  return <Text wrap="truncate-end">{text}</Text>;
});
