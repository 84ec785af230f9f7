import { Text } from 'ink';
import type { Theme } from '../theme.js';
import type { Segment } from './segments.js';

/** One row of styled segments (already fitted to the pane's width); no styles at all at depth 'none'. */
export function SegmentLine({ segments, theme }: { segments: readonly Segment[]; theme: Theme }) {
  const styled = theme.depth !== 'none';
  return (
    <Text>
      {segments.map((s, index) => (
        <Text key={index} color={s.color} bold={styled && s.bold} dimColor={styled && s.dim}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
