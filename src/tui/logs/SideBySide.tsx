import { Box } from 'ink';
import type { Theme } from '../theme.js';
import { LogPane, type LogPaneProps } from './LogPane.js';

/** What each of the two panes shows; the split decides their size. */
export type SidePaneProps = Omit<LogPaneProps, 'width' | 'height' | 'theme'>;

export interface SideBySideProps {
  left: SidePaneProps;
  right: SidePaneProps;
  width: number;
  height: number;
  theme: Theme;
}

/** The widths of two panes sharing `width` with a one-column gap; the left one gets the odd column. */
export function splitWidth(width: number): { left: number; right: number } {
  const usable = Math.max(0, width - 1);
  const left = Math.ceil(usable / 2);
  return { left, right: usable - left };
}

/** Two log panes next to each other (two instances compared), splitting the width. */
export function SideBySide({ left, right, width, height, theme }: SideBySideProps) {
  const split = splitWidth(width);
  return (
    <Box flexDirection="row" width={width} height={height} columnGap={1}>
      <LogPane {...left} width={split.left} height={height} theme={theme} />
      <LogPane {...right} width={split.right} height={height} theme={theme} />
    </Box>
  );
}
