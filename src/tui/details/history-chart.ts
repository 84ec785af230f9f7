import asciichart from 'asciichart';

export interface HistoryChartOptions {
  /** Columns the chart may use, y-axis labels included. */
  width: number;
  /** Rows of the plot area; the chart is `height + 1` lines tall. */
  height: number;
  /** The y-axis label of `value` on a scale topped at `top`. */
  label: (value: number, top: number) => string;
  /** Lowest top of the scale, so a flat zero series still has an axis. */
  floor: number;
  /** Where the y axis starts: at 0, or just under the window's lowest value (at most 90 % of its top). */
  base: 'zero' | 'fit';
  /** asciichart's ten symbols (theme.glyphs.chart). */
  symbols: readonly string[];
  /** An ANSI colour sequence for the line, or undefined for none. */
  color?: string;
}

/**
 * The newest values that fit as an asciichart line plot from 0 to the window's max, every line
 * at most `width` columns; '' when there is nothing to plot or no room.
 */
export function plotHistory(values: readonly number[], options: HistoryChartOptions): string {
  const height = Math.floor(options.height);
  if (values.length === 0 || height < 1) return '';
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  // The label width decides how many points fit, and the points decide the labels: settle it.
  let labels = axisLabels(clean, height, options);
  let window = clean;
  for (let round = 0; round < 4; round++) {
    window = clean.slice(-Math.max(1, pointsFor(options.width, labels.width)));
    const next = axisLabels(window, height, options);
    if (next.width <= labels.width) break;
    labels = next;
  }
  const points = pointsFor(options.width, labels.width);
  if (points < 2 || window.length === 0) return '';
  const { bottom, top } = scale(window, options);
  const step = (top - bottom) / height;
  // Plot in row units (0..height) so asciichart's own rounding can never add or lose a row.
  const rowsUp = window.slice(-points).map((v) => (v - bottom) / step);
  const text = asciichart.plot(rowsUp, {
    min: 0,
    max: height,
    height,
    offset: 2,
    symbols: [...options.symbols],
    colors: options.color === undefined ? [] : [options.color],
    format: (row: number) => options.label(bottom + row * step, top).padStart(labels.width - 1),
  });
  // asciichart leaves one blank cell after the last point: drop it so rows are exactly `width`.
  return text
    .split('\n')
    .map((row) => (row.endsWith(' ') ? row.slice(0, -1) : row))
    .join('\n');
}

/** The asciichart colour sequence for a theme colour name ('gray' is its 'darkgray'). */
export function chartColor(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const table: Record<string, string> = {
    black: asciichart.black,
    red: asciichart.red,
    green: asciichart.green,
    yellow: asciichart.yellow,
    blue: asciichart.blue,
    magenta: asciichart.magenta,
    cyan: asciichart.cyan,
    white: asciichart.lightgray,
    gray: asciichart.darkgray,
    grey: asciichart.darkgray,
  };
  return table[name];
}

// asciichart draws the first point on the axis column, so one more point than free columns fits.
function pointsFor(width: number, labelColumns: number): number {
  return width - labelColumns + 1;
}

function scale(values: readonly number[], options: HistoryChartOptions): { bottom: number; top: number } {
  const top = Math.max(options.floor, ...values);
  // A fitted axis still spans at least a tenth of the top, so a flat series is not magnified into noise.
  const bottom = options.base === 'zero' ? 0 : Math.max(0, Math.min(...values, top * 0.9));
  return { bottom, top };
}

/** Width of the label column (labels + the axis) for the rows asciichart will label. */
function axisLabels(values: readonly number[], height: number, options: HistoryChartOptions): { width: number } {
  const { bottom, top } = scale(values, options);
  let longest = 0;
  for (let row = 0; row <= height; row++) {
    longest = Math.max(longest, options.label(bottom + (row * (top - bottom)) / height, top).length);
  }
  return { width: longest + 1 };
}
