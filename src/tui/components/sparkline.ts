/** How high a value sits against its thresholds, for colouring. */
export type SparkLevel = 'low' | 'mid' | 'high';

export interface SparkOptions {
  /** Top of the scale; defaults to the largest value in the window. */
  max?: number;
  /** Values at or over this are 'mid'; defaults to half of `max` when max is given. */
  warnAt?: number;
  /** Values at or over this are 'high'; defaults to 80 % of `max` when max is given. */
  errorAt?: number;
}

/** A run of consecutive glyphs of the same level. */
export interface SparkRun {
  text: string;
  level: SparkLevel;
}

/**
 * The newest `width` values as glyphs scaled 0..max, newest at the right, padded on the left
 * with spaces when there are fewer values than columns.
 */
export function sparkline(values: readonly number[], width: number, glyphs: readonly string[], options: SparkOptions = {}): string {
  return sparkRuns(values, width, glyphs, options)
    .map((run) => run.text)
    .join('');
}

/** The sparkline cut into runs of equal level, so a renderer can colour each run. */
export function sparkRuns(values: readonly number[], width: number, glyphs: readonly string[], options: SparkOptions = {}): SparkRun[] {
  const cols = Math.max(0, Math.floor(width));
  if (cols === 0 || glyphs.length === 0) return [];
  const window = values.slice(-cols).map(clean);
  const max = options.max ?? Math.max(0, ...window);
  const runs: SparkRun[] = [];
  const push = (text: string, level: SparkLevel): void => {
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.text += text;
    else runs.push({ text, level });
  };
  if (window.length < cols) push(' '.repeat(cols - window.length), 'low');
  for (const value of window) push(glyphFor(value, max, glyphs), levelOf(value, max, options));
  return runs;
}

function glyphFor(value: number, max: number, glyphs: readonly string[]): string {
  const top = glyphs.length - 1;
  const index = max > 0 ? Math.min(top, Math.round((value / max) * top)) : 0;
  return glyphs[index] ?? '';
}

function levelOf(value: number, max: number, options: SparkOptions): SparkLevel {
  const scaleGiven = options.max !== undefined;
  const errorAt = options.errorAt ?? (scaleGiven ? max * 0.8 : Infinity);
  const warnAt = options.warnAt ?? (scaleGiven ? max * 0.5 : Infinity);
  if (value >= errorAt) return 'high';
  if (value >= warnAt) return 'mid';
  return 'low';
}

// NaN, infinities and negatives (a missing sample) draw as the lowest level.
function clean(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
