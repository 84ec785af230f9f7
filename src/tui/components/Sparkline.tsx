import { Text } from 'ink';
import type { Theme } from '../theme.js';
import { sparkRuns, type SparkLevel, type SparkOptions } from './sparkline.js';

export interface SparklineProps extends SparkOptions {
  values: readonly number[];
  width: number;
  theme: Theme;
}

/** A one-line sparkline of `width` columns, each run coloured by how high its values are. */
export function Sparkline({ values, width, theme, ...options }: SparklineProps) {
  const runs = sparkRuns(values, width, theme.glyphs.spark, options);
  return (
    <Text wrap="truncate-end">
      {runs.map((run, index) => (
        <Text key={index} color={colorOf(run.level, theme)}>
          {run.text}
        </Text>
      ))}
    </Text>
  );
}

function colorOf(level: SparkLevel, theme: Theme): string | undefined {
  switch (level) {
    case 'low':
      return theme.ok;
    case 'mid':
      return theme.warn;
    case 'high':
      return theme.error;
  }
}
