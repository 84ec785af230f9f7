import { Box } from 'ink';
import type { Theme } from '../theme.js';
import { buildRow, prefixLabel, type DisplayLine } from './log-row.js';
import { buildTitle, type LogSearch } from './log-title.js';
import { paint } from '../components/paint.js';
import { PaintedLine } from '../components/PaintedLine.js';

/** A search as the pane shows it; `hit` locates the current match among the lines shown. */
export interface LogPaneSearch extends LogSearch {
  hit?: { seq: number; occurrence: number } | undefined;
}

export interface LogPaneProps {
  title: string;
  /** The window to show (chosen by the shell), oldest first; only the last `height - 1` fit. */
  lines: readonly DisplayLine[];
  width: number;
  height: number;
  theme: Theme;
  follow: boolean;
  /** Lines below the view while paused: the "N new lines" badge. */
  newLines: number;
  search?: LogPaneSearch | undefined;
  /** Merged view: each line starts with `<app>-<id>` in its instance's colour. */
  prefixes?: { app: string } | undefined;
}

/** A log pane: a title row (FOLLOW/PAUSED, badge, search) over exactly `height - 1` line rows. */
export function LogPane(props: LogPaneProps) {
  const { width, height, theme } = props;
  if (width <= 0 || height <= 0) return null;
  const lines = props.lines.slice(Math.max(0, props.lines.length - (height - 1)));
  const query = props.search?.query ?? '';
  const app = props.prefixes?.app;
  // Labels padded to the widest one on screen, so the lines start in one column.
  const prefix = app === undefined ? undefined : { app, width: Math.max(0, ...lines.map((line) => prefixLabel(app, line.instance).length)) };
  const hit = props.search?.hit;
  // Each row is one painted string, cut to the width already: no clipping box (Ink would slice every line of every frame).
  const rows = lines.map((line) => (
    <PaintedLine key={line.seq} text={paint(buildRow(line, width, { theme, query, prefix, currentOccurrence: hit !== undefined && hit.seq === line.seq ? hit.occurrence : -1 }), theme.depth)} />
  ));
  for (let pad = rows.length; pad < height - 1; pad++) rows.push(<PaintedLine key={`pad-${pad}`} text=" " />);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaintedLine text={paint(buildTitle({ title: props.title, follow: props.follow, newLines: props.newLines, search: props.search, width, theme }), theme.depth)} />
      {rows}
    </Box>
  );
}
