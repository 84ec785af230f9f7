import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RollingProgress } from '../../api/types.js';
import type { TcpConnection } from '../topology/proc-net-tcp.js';
import { INITIAL_LOG_VIEW, type LogViewState } from '../logs/log-view-state.js';
import { EMPTY_LOG_WINDOW, type LogWindow } from '../app/tui-log-source.js';
import { EMPTY_MIRROR, type Mirror } from './mirror.js';

export type View = 'grid' | 'topology' | 'compare';

export interface Notice {
  text: string;
  level: 'info' | 'error';
  at: number;
}

/** Everything the TUI shows: the mirrored supervisor state and the UI's own state (serialisable). */
export interface UiState {
  mirror: Mirror;
  connection: 'connecting' | 'connected' | 'lost';
  /** Daemon mode, or in-process (`up --tui`). */
  mode: 'daemon' | 'in-process';
  readOnly: boolean;
  view: View;
  focus: 'grid' | 'logs';
  showHelp: boolean;
  /** First line of the help overlay shown (it scrolls when it does not fit). */
  helpScroll: number;
  bottom: 'logs' | 'details';
  selectedKey: string | undefined;
  collapsed: Readonly<Record<string, true>>;
  faultsOnly: boolean;
  filter: string;
  /** The text field the keyboard types into, if any. */
  editing: 'filter' | 'search' | undefined;
  /** Scale targets asked for and not reached yet, by app. */
  pendingScale: Readonly<Record<string, number>>;
  rolling: Readonly<Record<string, readonly RollingProgress[]>>;
  confirm: { message: string; app: string } | undefined;
  notice: Notice | undefined;
  /** When a value last changed, by `<app>-<id>:<field>`, to mark it for a few seconds. */
  changed: Readonly<Record<string, number>>;
  compareDiffOnly: boolean;
  topologySelected: number;
  /** Live TCP connections between managed instances, read off the render path every few seconds. */
  connections: readonly TcpConnection[];
  localHosts: readonly string[];
  logView: LogViewState;
  /** The log lines to draw this frame, chosen off React from the log store. */
  logWindow: LogWindow;
  columns: number;
  rows: number;
  now: number;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(initial: Partial<UiState> = {}): UiStore {
  return createStore<UiState>()(() => ({
    mirror: EMPTY_MIRROR,
    connection: 'connecting',
    mode: 'daemon',
    readOnly: false,
    view: 'grid',
    focus: 'grid',
    showHelp: false,
    helpScroll: 0,
    bottom: 'logs',
    selectedKey: undefined,
    collapsed: {},
    faultsOnly: false,
    filter: '',
    editing: undefined,
    pendingScale: {},
    rolling: {},
    confirm: undefined,
    notice: undefined,
    changed: {},
    compareDiffOnly: false,
    topologySelected: 0,
    connections: [],
    localHosts: [],
    logView: INITIAL_LOG_VIEW,
    logWindow: EMPTY_LOG_WINDOW,
    columns: 80,
    rows: 24,
    now: Date.now(),
    ...initial,
  }));
}

/** How long a changed value stays marked. */
export const CHANGE_MARK_MS = 3000;

const TRACKED = ['status', 'pid', 'port', 'health', 'restarts'] as const;

/** Records when tracked instance fields changed between two mirrors, forgetting old marks (pure). */
export function markChanges(prev: Mirror, next: Mirror, changed: Readonly<Record<string, number>>, now: number): Readonly<Record<string, number>> {
  if (prev.apps === next.apps && Object.keys(changed).length === 0) return changed;
  const out: Record<string, number> = {};
  for (const [key, at] of Object.entries(changed)) if (now - at < CHANGE_MARK_MS) out[key] = at;
  if (prev.seq >= 0) {
    for (const [name, app] of Object.entries(next.apps)) {
      const before = prev.apps[name];
      if (before === app) continue;
      for (const i of app.instances) {
        const old = before?.instances[i.id];
        if (!old) continue;
        for (const field of TRACKED) if (old[field] !== i[field]) out[`${name}-${i.id}:${field}`] = now;
      }
    }
  }
  return out;
}
