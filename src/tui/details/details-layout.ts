/** How the details pane spends its rows and columns. */
export interface DetailsLayout {
  /** Plot rows of each chart; 0 = no room for charts. */
  chartHeight: number;
  /** CPU and memory charts next to each other (else stacked). */
  sideBySide: boolean;
  chartWidth: number;
  /** Exit lines shown under the "last exits" header; -1 = no room for the section at all. */
  exitLines: number;
  /** Whether the health line fits. */
  showHealth: boolean;
}

/** Columns between side-by-side charts. */
export const CHART_GAP = 2;
const SIDE_BY_SIDE_MIN_WIDTH = 64;
const MAX_CHART_HEIGHT = 12;
const MIN_CHART_HEIGHT = 2;
const MAX_EXIT_LINES = 5;

/**
 * Rows: title, health, charts (a label line and `chartHeight + 1` plot lines each), then the
 * "last exits" header and its lines. Charts get the room first, up to a useful height; exits get
 * what is left, at least one line when there is any room.
 */
export function planDetailsLayout(width: number, height: number, exitCount: number): DetailsLayout {
  const sideBySide = width >= SIDE_BY_SIDE_MIN_WIDTH;
  const chartWidth = sideBySide ? Math.floor((width - CHART_GAP) / 2) : width;
  const showHealth = height >= 2;
  const rest = Math.max(0, height - 2);
  const blocks = sideBySide ? 1 : 2;
  const wantedExitRows = 1 + Math.min(exitCount, MAX_EXIT_LINES);
  const minExitRows = Math.min(wantedExitRows, 2);

  const heightWith = (exitRows: number): number => Math.floor((rest - exitRows) / blocks) - 2;
  let chartHeight = heightWith(wantedExitRows);
  if (chartHeight < MAX_CHART_HEIGHT / 2) chartHeight = heightWith(minExitRows);
  chartHeight = Math.min(MAX_CHART_HEIGHT, chartHeight);
  if (chartHeight < MIN_CHART_HEIGHT) chartHeight = 0;

  const chartRows = chartHeight === 0 ? 0 : blocks * (chartHeight + 2);
  const exitRows = rest - chartRows;
  const exitLines = exitRows <= 0 ? -1 : Math.min(exitCount === 0 ? 0 : exitRows - 1, exitCount, MAX_EXIT_LINES);
  return { chartHeight, sideBySide, chartWidth, exitLines, showHealth };
}
