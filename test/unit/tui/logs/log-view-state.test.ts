import { describe, expect, it } from 'vitest';
import { INITIAL_LOG_VIEW, newLineCount, reduceLogView, visibleWindow, type LogViewAction, type LogViewState } from '../../../../src/tui/logs/log-view-state.js';

const viewport = (end: number, height = 10, first = 0) => ({ ranges: [{ first, end }], height });
const fold = (state: LogViewState, ...actions: LogViewAction[]) => actions.reduce(reduceLogView, state);

describe('visibleWindow', () => {
  it('shows the last lines while following', () => {
    expect(visibleWindow(INITIAL_LOG_VIEW, 100, 10)).toEqual({ from: 90, count: 10 });
    expect(visibleWindow(INITIAL_LOG_VIEW, 4, 10)).toEqual({ from: 0, count: 4 });
    expect(visibleWindow(INITIAL_LOG_VIEW, 0, 10)).toEqual({ from: 0, count: 0 });
  });

  it('shows the oldest kept lines when a paused window has been evicted', () => {
    const paused = { ...INITIAL_LOG_VIEW, follow: false, bottoms: [50] };
    expect(visibleWindow(paused, 10_000, 10, { first: 5_000 })).toEqual({ from: 5_000, count: 10 });
  });
});

describe('reduceLogView', () => {
  it('pauses on scrolling up, keeps the view while lines arrive, counts them, and resumes on f', () => {
    let state = reduceLogView(INITIAL_LOG_VIEW, { type: 'scroll', by: -3, viewport: viewport(100) });
    expect(state.follow).toBe(false);
    expect(visibleWindow(state, 100, 10)).toEqual({ from: 87, count: 10 });
    // 25 lines arrive: the view stays on the same lines and the badge counts them.
    expect(visibleWindow(state, 125, 10)).toEqual({ from: 87, count: 10 });
    expect(newLineCount(state, [{ first: 0, end: 125 }])).toBe(28);
    state = reduceLogView(state, { type: 'toggle-follow', viewport: viewport(125) });
    expect(state.follow).toBe(true);
    expect(newLineCount(state, [{ first: 0, end: 125 }])).toBe(0);
    expect(visibleWindow(state, 125, 10)).toEqual({ from: 115, count: 10 });
  });

  it('keeps a paused view on its lines even as old lines are evicted', () => {
    const state = reduceLogView(INITIAL_LOG_VIEW, { type: 'scroll', by: -1, viewport: viewport(5_000, 10, 0) });
    expect(visibleWindow(state, 7_000, 10, { first: 2_000 })).toEqual({ from: 4_989, count: 10 });
  });

  it('scrolling down while following changes nothing', () => {
    expect(reduceLogView(INITIAL_LOG_VIEW, { type: 'scroll', by: 5, viewport: viewport(100) })).toBe(INITIAL_LOG_VIEW);
  });

  it('scrolls down into lines that arrived while paused, and never past the end', () => {
    const state = fold(INITIAL_LOG_VIEW, { type: 'scroll', by: -5, viewport: viewport(100) }, { type: 'scroll', by: 20, viewport: viewport(110) });
    expect(visibleWindow(state, 110, 10)).toEqual({ from: 100, count: 10 });
    expect(state.follow).toBe(false);
    expect(newLineCount(state, [{ first: 0, end: 110 }])).toBe(0);
  });

  it('pages by a screen less one line, and goes to the top and back to the bottom', () => {
    let state = reduceLogView(INITIAL_LOG_VIEW, { type: 'page', direction: -1, viewport: viewport(100) });
    expect(visibleWindow(state, 100, 10)).toEqual({ from: 81, count: 10 });
    state = reduceLogView(state, { type: 'top', viewport: viewport(100, 10, 20) });
    expect(visibleWindow(state, 100, 10, { first: 20 })).toEqual({ from: 20, count: 10 });
    state = reduceLogView(state, { type: 'scroll', by: -50, viewport: viewport(100, 10, 20) });
    expect(visibleWindow(state, 100, 10, { first: 20 })).toEqual({ from: 20, count: 10 });
    state = reduceLogView(state, { type: 'bottom' });
    expect(state.follow).toBe(true);
  });

  it('f while following freezes the view where it is', () => {
    const state = reduceLogView(INITIAL_LOG_VIEW, { type: 'toggle-follow', viewport: viewport(40) });
    expect(state.follow).toBe(false);
    expect(visibleWindow(state, 60, 10)).toEqual({ from: 30, count: 10 });
  });

  it('scrolls two panes side by side together, each within its own lines', () => {
    const state = reduceLogView(INITIAL_LOG_VIEW, { type: 'scroll', by: -30, viewport: { ranges: [{ first: 0, end: 100 }, { first: 0, end: 15 }], height: 10 } });
    expect(visibleWindow(state, 100, 10, { pane: 0 })).toEqual({ from: 60, count: 10 });
    expect(visibleWindow(state, 15, 10, { pane: 1 })).toEqual({ from: 0, count: 10 });
    expect(newLineCount(state, [{ first: 0, end: 100 }, { first: 0, end: 15 }])).toBe(30);
  });

  it('steps through search hits, wrapping, and brings an off-screen hit into view', () => {
    let state = reduceLogView(INITIAL_LOG_VIEW, { type: 'search-set', query: 'error' });
    expect(state.search).toEqual({ query: 'error', current: -1 });
    const hitLines = [5, 50, 95];
    state = reduceLogView(state, { type: 'search-step', direction: -1, hitLines, viewport: viewport(100) });
    expect(state.search.current).toBe(2);
    // Line 95 is already on screen: following stops but nothing moves.
    expect(visibleWindow(state, 100, 10)).toEqual({ from: 90, count: 10 });
    state = reduceLogView(state, { type: 'search-step', direction: -1, hitLines, viewport: viewport(100) });
    expect(state.search.current).toBe(1);
    const shown = visibleWindow(state, 100, 10);
    expect(50 >= shown.from && 50 < shown.from + shown.count).toBe(true);
    state = fold(state, { type: 'search-step', direction: 1, hitLines, viewport: viewport(100) }, { type: 'search-step', direction: 1, hitLines, viewport: viewport(100) });
    expect(state.search.current).toBe(0);
    expect(visibleWindow(state, 100, 10).from).toBeLessThanOrEqual(5);
  });

  it('does nothing but reset the cursor when a search has no hits', () => {
    const state = fold(INITIAL_LOG_VIEW, { type: 'search-set', query: 'x' }, { type: 'search-step', direction: 1, hitLines: [], viewport: viewport(100) });
    expect(state.follow).toBe(true);
    expect(state.search.current).toBe(-1);
    expect(reduceLogView(state, { type: 'search-clear' }).search.query).toBe('');
  });

  it('toggles the merged view, following again from its end', () => {
    const paused = reduceLogView(INITIAL_LOG_VIEW, { type: 'scroll', by: -5, viewport: viewport(100) });
    const merged = reduceLogView(paused, { type: 'toggle-merged' });
    expect(merged).toMatchObject({ merged: true, follow: true, bottoms: [] });
    expect(reduceLogView(merged, { type: 'toggle-merged' }).merged).toBe(false);
  });

  it('selects a pair of instances and cycles one side, skipping the other side', () => {
    let state = reduceLogView(INITIAL_LOG_VIEW, { type: 'pair-set', pair: { left: 0, right: 1 } });
    const instances = [0, 1, 2, 3];
    state = reduceLogView(state, { type: 'pair-cycle', side: 'left', direction: 1, instances });
    expect(state.pair).toEqual({ left: 2, right: 1 });
    state = reduceLogView(state, { type: 'pair-cycle', side: 'right', direction: -1, instances });
    expect(state.pair).toEqual({ left: 2, right: 0 });
    state = reduceLogView(state, { type: 'pair-cycle', side: 'right', direction: -1, instances });
    expect(state.pair).toEqual({ left: 2, right: 3 });
    expect(reduceLogView(state, { type: 'pair-set', pair: null }).pair).toBeNull();
  });

  it('ignores a pair cycle when no pair is shown', () => {
    expect(reduceLogView(INITIAL_LOG_VIEW, { type: 'pair-cycle', side: 'left', direction: 1, instances: [0, 1] })).toBe(INITIAL_LOG_VIEW);
  });

  it('follows again when the source changes, keeping the query', () => {
    const state = fold(INITIAL_LOG_VIEW, { type: 'search-set', query: 'x' }, { type: 'scroll', by: -5, viewport: viewport(100) }, { type: 'source-changed' });
    expect(state).toMatchObject({ follow: true, search: { query: 'x', current: -1 } });
  });
});
