import type { LogRange } from './log-store.js';
import { stepHit } from './search.js';

/** Two instances of one app shown next to each other. */
export interface LogPair {
  left: number;
  right: number;
}

/** UI state of the log pane; positions are sequence numbers of the store, so eviction cannot shift them. */
export interface LogViewState {
  follow: boolean;
  /** While paused, per visible pane: the sequence number just past its last visible line. */
  bottoms: readonly number[];
  search: { query: string; current: number };
  merged: boolean;
  pair: LogPair | null;
}

/** The panes an action applies to: each one's kept range (pane 0 first) and the lines it shows. */
export interface LogViewport {
  ranges: readonly LogRange[];
  height: number;
}

export type LogViewAction =
  | { type: 'scroll'; by: number; viewport: LogViewport }
  | { type: 'page'; direction: 1 | -1; viewport: LogViewport }
  | { type: 'top'; viewport: LogViewport }
  | { type: 'bottom' }
  | { type: 'toggle-follow'; viewport: LogViewport }
  | { type: 'search-set'; query: string }
  | { type: 'search-step'; direction: 1 | -1; hitLines: readonly number[]; viewport: LogViewport }
  | { type: 'search-clear' }
  | { type: 'toggle-merged' }
  | { type: 'pair-set'; pair: LogPair | null }
  | { type: 'pair-cycle'; side: 'left' | 'right'; direction: 1 | -1; instances: readonly number[] }
  | { type: 'source-changed' };

export const INITIAL_LOG_VIEW: LogViewState = {
  follow: true,
  bottoms: [],
  search: { query: '', current: -1 },
  merged: false,
  pair: null,
};

/**
 * Folds one action into the log pane's state. Scrolling pauses (the view stays on its lines
 * while new ones arrive); `bottom` and `toggle-follow` from paused resume following.
 */
export function reduceLogView(state: LogViewState, action: LogViewAction): LogViewState {
  switch (action.type) {
    case 'scroll':
      return scrollBy(state, action.by, action.viewport);
    case 'page':
      return scrollBy(state, action.direction * Math.max(1, action.viewport.height - 1), action.viewport);
    case 'top':
      return scrollBy(state, -Infinity, action.viewport);
    case 'bottom':
      return following(state);
    case 'toggle-follow':
      return state.follow ? paused(state, action.viewport) : following(state);
    case 'search-set':
      return { ...state, search: { query: action.query, current: -1 } };
    case 'search-step':
      return stepSearch(state, action.direction, action.hitLines, action.viewport);
    case 'search-clear':
      return { ...state, search: { query: '', current: -1 } };
    case 'toggle-merged':
      return { ...following(state), merged: !state.merged, search: { ...state.search, current: -1 } };
    case 'pair-set':
      return { ...following(state), pair: action.pair };
    case 'pair-cycle':
      return state.pair === null ? state : { ...following(state), pair: cyclePair(state.pair, action.side, action.direction, action.instances) };
    case 'source-changed':
      return { ...following(state), search: { ...state.search, current: -1 } };
  }
}

/** The lines a pane shows: sequence numbers [from, from + count) of a source whose range is [first, total). */
export function visibleWindow(state: LogViewState, total: number, height: number, options: { first?: number; pane?: number } = {}): { from: number; count: number } {
  const first = options.first ?? 0;
  const rows = Math.max(0, height);
  const wanted = state.follow ? total : (state.bottoms[options.pane ?? 0] ?? total);
  const bottom = clamp(wanted, Math.min(first + rows, total), total);
  const from = Math.max(first, bottom - rows);
  return { from, count: Math.max(0, bottom - from) };
}

/** Lines below the view of the pane that has most of them: the "N new lines" badge. */
export function newLineCount(state: LogViewState, ranges: readonly LogRange[]): number {
  if (state.follow) return 0;
  let most = 0;
  for (const [pane, range] of ranges.entries()) most = Math.max(most, range.end - (state.bottoms[pane] ?? range.end));
  return most;
}

function following(state: LogViewState): LogViewState {
  return { ...state, follow: true, bottoms: [] };
}

/** Freezes every pane on the lines it shows now. */
function paused(state: LogViewState, viewport: LogViewport): LogViewState {
  if (!state.follow) return state;
  return { ...state, follow: false, bottoms: viewport.ranges.map((range) => range.end) };
}

function scrollBy(state: LogViewState, by: number, viewport: LogViewport): LogViewState {
  if (state.follow && by >= 0) return state;
  const from = paused(state, viewport);
  const bottoms = viewport.ranges.map((range, pane) => {
    const bottom = from.bottoms[pane] ?? range.end;
    return clamp(bottom + by, Math.min(range.first + viewport.height, range.end), range.end);
  });
  return { ...from, bottoms };
}

function stepSearch(state: LogViewState, direction: 1 | -1, hitLines: readonly number[], viewport: LogViewport): LogViewState {
  const current = stepHit(state.search.current, hitLines.length, direction);
  const search = { ...state.search, current };
  const hit = hitLines[current];
  const range = viewport.ranges[0];
  if (hit === undefined || range === undefined) return { ...state, search };
  const from = paused(state, viewport);
  const shown = visibleWindow(from, range.end, viewport.height, { first: range.first });
  if (hit >= shown.from && hit < shown.from + shown.count) return { ...from, search };
  // Off screen: bring the hit to the middle of pane 0.
  const bottom = clamp(hit + Math.ceil(viewport.height / 2), Math.min(range.first + viewport.height, range.end), range.end);
  return { ...from, search, bottoms: [bottom, ...from.bottoms.slice(1)] };
}

/** Moves one side of the pair to the next instance id that the other side is not showing. */
function cyclePair(pair: LogPair, side: 'left' | 'right', direction: 1 | -1, instances: readonly number[]): LogPair {
  const other = side === 'left' ? pair.right : pair.left;
  const choices = [...instances].sort((a, b) => a - b).filter((id) => id !== other);
  if (choices.length === 0) return pair;
  const at = choices.indexOf(pair[side]);
  const next = choices[at === -1 ? (direction === 1 ? 0 : choices.length - 1) : (at + direction + choices.length) % choices.length];
  return next === undefined ? pair : { ...pair, [side]: next };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
