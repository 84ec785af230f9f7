import type { LogQuery, SupervisorEvent } from '../../api/types.js';
import type { Command } from '../keymap.js';
import type { LogPaneSearch } from '../logs/LogPane.js';
import { toDisplayLines, type DisplayLine } from '../logs/log-row.js';
import { createLogStore, type LogRange, type LogSource as StoreSource } from '../logs/log-store.js';
import { newLineCount, reduceLogView, visibleWindow, type LogViewAction, type LogViewport } from '../logs/log-view-state.js';
import { findHits } from '../logs/search.js';
import { gridRows } from '../state/grid-rows.js';
import type { UiState, UiStore } from '../state/ui-state.js';
import { gridLayout } from './layout.js';
import type { LogSource } from './log-source.js';

/** What one log pane shows this frame, computed off React from the store and the view state. */
export interface PaneWindow {
  title: string;
  lines: readonly DisplayLine[];
  follow: boolean;
  newLines: number;
  search?: LogPaneSearch;
  prefixes?: { app: string };
}

export interface LogWindow {
  left: PaneWindow;
  right?: PaneWindow;
}

export const EMPTY_LOG_WINDOW: LogWindow = { left: { title: 'logs', lines: [], follow: true, newLines: 0 } };

const HANDLED: ReadonlySet<Command> = new Set(['up', 'down', 'pageUp', 'pageDown', 'follow', 'searchNext', 'searchPrev', 'merged', 'sideBySide', 'back']);

/** The log lines the pane needs from the daemon: a subscription filter and the backlog to load with it. */
export interface LogWants {
  /** Stable text of the filter, to tell when it changed. */
  key: string;
  filter: { app: string; instance?: number };
  backlog: LogQuery[];
}

/** The log source of the shell: store, pane window, keys, and what to ask the daemon for. */
export interface TuiLogSource extends LogSource {
  append(event: Extract<SupervisorEvent, { type: 'log' }>): void;
  /** What the panes show this frame; with `newLines: false` lines that arrived since the last call wait (the rest still updates). */
  window(state: UiState, options?: { newLines?: boolean }): LogWindow;
  /** The logs of what the pane shows (merged and pairs need the whole app); undefined with nothing selected. */
  wants(state: UiState): LogWants | undefined;
  /** Forgets every line: the next ones come from a new subscription and its backlog. */
  reset(): void;
}

// Backlog per instance and stream: a pane of one instance, or every instance of a merged view.
const BACKLOG_LINES = 200;
const MERGED_BACKLOG_LINES = 20;

/** The log store (ring buffers outside React) and the keyboard and frame logic of the log pane. */
export function createLogSource(ui: UiStore): TuiLogSource {
  let store = createLogStore();
  let last: { key: string; viewKey: string; window: LogWindow } | undefined;
  let hitsCache: { key: string; hits: ReturnType<typeof findHits> } | undefined;
  let lastSource = '';

  const sources = (s: UiState): StoreSource[] => {
    const rows = gridRows(s.mirror, { collapsed: s.collapsed, text: s.filter, faultsOnly: s.faultsOnly });
    const row = rows.find((r) => r.key === s.selectedKey) ?? rows[0];
    if (!row) return [];
    if (s.logView.merged) return [{ app: row.app }];
    const id = row.kind === 'instance' ? row.instance.id : 0;
    const pair = s.logView.pair;
    if (pair) return [{ app: row.app, instance: pair.left }, { app: row.app, instance: pair.right }];
    return [{ app: row.app, instance: id }];
  };
  const paneRows = (s: UiState): number => Math.max(1, gridLayout(s.rows, s.focus, s.connection !== 'connected').bottom - 1);
  const viewport = (s: UiState): LogViewport => ({ ranges: sources(s).map((src) => store.range(src)), height: paneRows(s) });
  const dispatch = (action: LogViewAction): void => ui.setState((s) => ({ logView: reduceLogView(s.logView, action) }));
  const hits = (src: StoreSource, query: string) => {
    const key = `${store.version()}|${src.app}|${src.instance ?? '*'}|${query}`;
    if (hitsCache?.key !== key) {
      const range = store.range(src);
      const slice = store.lines(src, { from: range.first, count: range.end - range.first });
      hitsCache = { key, hits: findHits(slice.lines.map((l) => l.text), query).map((h) => ({ ...h, line: h.line + range.first })) };
    }
    return hitsCache.hits;
  };

  const pane = (s: UiState, src: StoreSource, range: LogRange, index: number): PaneWindow => {
    const height = paneRows(s);
    const win = visibleWindow(s.logView, range.end, height, { first: range.first, pane: index });
    const lines = toDisplayLines(store.lines(src, { from: win.from, count: win.count }));
    const title = src.instance === undefined ? `${src.app} (all instances)` : `${src.app}-${src.instance}`;
    const query = s.logView.search.query;
    const found = query ? hits(src, query) : [];
    const current = found[s.logView.search.current];
    return {
      title,
      lines,
      follow: s.logView.follow,
      newLines: newLineCount(s.logView, [range]),
      ...(query ? { search: { query, current: s.logView.search.current, total: found.length, hit: current ? { seq: current.line, occurrence: current.occurrence } : undefined } } : {}),
      ...(src.instance === undefined ? { prefixes: { app: src.app } } : {}),
    };
  };

  return {
    append(event) {
      store.append(event.app, event.instance, event.stream, event.lines);
    },
    window(s, options = {}) {
      const srcs = sources(s);
      const sourceKey = srcs.map((x) => `${x.app}:${x.instance ?? '*'}`).join('|');
      if (sourceKey !== lastSource && lastSource !== '') queueMicrotask(() => dispatch({ type: 'source-changed' }));
      lastSource = sourceKey;
      const viewKey = `${sourceKey}|${paneRows(s)}|${JSON.stringify(s.logView)}`;
      const key = `${store.version()}|${viewKey}`;
      if (last?.key === key || (options.newLines === false && last?.viewKey === viewKey)) return last.window;
      const [left, right] = srcs.map((src, index) => pane(s, src, store.range(src), index));
      const window: LogWindow = left ? { left, ...(right ? { right } : {}) } : EMPTY_LOG_WINDOW;
      last = { key, viewKey, window };
      return window;
    },
    wants(s) {
      const srcs = sources(s);
      const first = srcs[0];
      if (!first) return undefined;
      if (first.instance === undefined || srcs.length > 1) {
        const backlog = first.instance === undefined ? [{ app: first.app, lines: MERGED_BACKLOG_LINES }] : srcs.map((src) => ({ app: src.app, instance: src.instance, lines: BACKLOG_LINES }));
        return { key: `${first.app}:*`, filter: { app: first.app }, backlog };
      }
      return { key: `${first.app}:${first.instance}`, filter: { app: first.app, instance: first.instance }, backlog: [{ app: first.app, instance: first.instance, lines: BACKLOG_LINES }] };
    },
    reset() {
      store = createLogStore();
      last = undefined;
      hitsCache = undefined;
    },
    handles: (command) => HANDLED.has(command),
    run(command) {
      const s = ui.getState();
      switch (command) {
        case 'up':
        case 'down':
          return dispatch({ type: 'scroll', by: command === 'up' ? -1 : 1, viewport: viewport(s) });
        case 'pageUp':
        case 'pageDown':
          return dispatch({ type: 'page', direction: command === 'pageUp' ? -1 : 1, viewport: viewport(s) });
        case 'follow':
          return dispatch(s.logView.follow ? { type: 'toggle-follow', viewport: viewport(s) } : { type: 'bottom' });
        case 'searchNext':
        case 'searchPrev': {
          const src = sources(s)[0];
          if (!src || !s.logView.search.query) return;
          const lines = hits(src, s.logView.search.query).map((h) => h.line);
          return dispatch({ type: 'search-step', direction: command === 'searchNext' ? 1 : -1, hitLines: lines, viewport: viewport(s) });
        }
        case 'merged':
          return dispatch({ type: 'toggle-merged' });
        case 'sideBySide': {
          if (s.logView.pair) return dispatch({ type: 'pair-set', pair: null });
          const src = sources(s)[0];
          const ids = src ? (s.mirror.apps[src.app]?.instances.map((i) => i.id) ?? []) : [];
          if (!src || ids.length < 2) return;
          const left = src.instance ?? 0;
          return dispatch({ type: 'pair-set', pair: { left, right: ids.find((id) => id > left) ?? ids[0]! } });
        }
        case 'back':
          if (s.logView.search.query) return dispatch({ type: 'search-clear' });
          return ui.setState({ focus: 'grid' });
        default:
          return;
      }
    },
    typeSearch(key, done) {
      const s = ui.getState();
      if (key.enter) {
        done();
        const src = sources(s)[0];
        if (src && s.logView.search.query) dispatch({ type: 'search-step', direction: -1, hitLines: hits(src, s.logView.search.query).map((h) => h.line), viewport: viewport(s) });
        return;
      }
      const query = key.backspace ? s.logView.search.query.slice(0, -1) : s.logView.search.query + key.input;
      dispatch({ type: 'search-set', query });
    },
  };
}
