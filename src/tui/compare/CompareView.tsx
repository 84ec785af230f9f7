import type { Theme } from '../theme.js';
import { StyledLines } from '../topology/StyledLines.js';
import type { CompareModel } from './build-compare.js';
import { compareLines } from './compare-lines.js';

export interface CompareViewProps {
  model: CompareModel;
  theme: Theme;
  width: number;
  height: number;
  differencesOnly: boolean;
}

/** An app's instances side by side (columns), metrics as rows, outliers coloured and marked. */
export function CompareView({ model, theme, width, height, differencesOnly }: CompareViewProps) {
  const lines = compareLines(model, { glyphs: theme.glyphs, width, height, differencesOnly });
  return <StyledLines lines={lines} theme={theme} width={width} height={height} />;
}
