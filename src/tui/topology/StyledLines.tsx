import { Box, Text } from 'ink';
import type { Theme } from '../theme.js';
import { toneColor, type StyledLine } from './styled-text.js';

/** Draws styled lines one per row, colouring each segment by its tone. */
export function StyledLines({ lines, theme, width, height }: { lines: readonly StyledLine[]; theme: Theme; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((line, row) => (
        <Text key={row} wrap="truncate">
          {line.length === 0
            ? ' '
            : line.map((segment, i) => (
                <Text key={i} color={toneColor(theme, segment.tone)}>
                  {segment.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
