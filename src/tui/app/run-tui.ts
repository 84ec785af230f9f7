import fs from 'node:fs';
import type { SupervisorApi, SupervisorEvent } from '../../api/types.js';
import { applyEvent, EMPTY_MIRROR, type Mirror } from '../state/mirror.js';
import { settleHost } from '../state/settle-host.js';
import { createUiStore, markChanges, type UiState, type UiStore } from '../state/ui-state.js';
import { createTheme, detectColorDepth, detectUnicode, forceColorLevel } from '../theme.js';
import { loadKeymap } from '../keymap-config.js';
import { localHostNames, readAppConnections } from '../topology/read-connections.js';
import { Controller } from './controller.js';
import { gridScreenKey } from './grid-screen.js';
import { createLogFeed } from './log-feed.js';
import { enterFullScreen, guardExits } from './terminal.js';
import { createLogSource } from './tui-log-source.js';

/** A connection the TUI can watch for loss (the socket client has it; in-process never closes). */
export type TuiApi = SupervisorApi & { onClose?: (listener: (error: Error | undefined) => void) => () => void };

export interface TuiOptions {
  connect: () => Promise<TuiApi>;
  mode: 'daemon' | 'in-process';
  readOnly: boolean;
  keymapFile: string;
  color?: string;
  env: NodeJS.ProcessEnv;
  /** Select this app (and instance) first. */
  app?: string;
  instance?: number;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

/** How often the shell looks for something new to draw; keys render at once (see the Ink notes). */
const TICK_MS = 250;
/** New log lines reach the screen at most this often while following (Ink redraws the whole frame). */
const LOG_FRAME_MS = 500;
/** The log subscription follows the selection once it rests this long (each move costs a snapshot). */
const FOLLOW_SELECTION_MS = 400;
const RECONNECT_MS = 1000;
const CONNECTION_SCAN_MS = 3000;
/** The UI loads once the first snapshot is in, or after this long when the daemon is slow (or starting). */
const FIRST_DATA_WAIT_MS = 300;

type UiModules = typeof import('./ui-modules.js');

/**
 * Ink, React and the components: the one-file bundle the build makes (~0.15 s to load instead of ~0.7 s for
 * Ink's ~100 files) when NODE_ENV is production, as React's production build is inlined in it; not with Ink's
 * DEV=true, as React DevTools are stubbed out of it. Call it after setting FORCE_COLOR: chalk reads it on load.
 */
async function loadUiModules(): Promise<UiModules> {
  const bundle = new URL('../ui-bundle.js', import.meta.url);
  const bundled = process.env.NODE_ENV === 'production' && process.env.DEV !== 'true' && fs.existsSync(bundle);
  return bundled ? ((await import(bundle.href)) as UiModules) : import('./ui-modules.js');
}

/** Runs the full-screen UI until the user quits; resolves with the exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const depth = detectColorDepth(options.env, options.color);
  const unicode = detectUnicode(options.env);
  // Ink colours through chalk, which reads FORCE_COLOR when first imported.
  process.env.FORCE_COLOR = forceColorLevel(depth);
  // React's development build costs ~3x the CPU here and keeps every performance.measure entry
  // (idle monit grew 118 → 411 MB in 60 s); measured with bench/tui/profile.mjs.
  process.env.NODE_ENV ??= 'production';
  const bindings = loadKeymap(options.keymapFile);
  // Loading the UI blocks the thread: connect and subscribe first, so the first frame has data and the handshake
  // does not wait for it (loading at once cost a frame without data and ~0.25 s more to the first full frame).
  let firstData: () => void = () => undefined;
  const dataOrTimeout = new Promise<void>((resolve) => {
    firstData = resolve;
    setTimeout(resolve, FIRST_DATA_WAIT_MS);
  });

  const ui: UiStore = createUiStore({
    mode: options.mode,
    readOnly: options.readOnly,
    columns: stdout.columns ?? 80,
    rows: stdout.rows ?? 24,
    ...(options.app ? { selectedKey: options.instance === undefined ? `app:${options.app}` : `inst:${options.app}:${options.instance}` } : {}),
  });
  const theme = createTheme(depth, unicode);
  const logs = createLogSource(ui);
  let api: TuiApi | undefined;
  let mirror: Mirror = EMPTY_MIRROR;
  let quitting = false;
  let resolveQuit: () => void = () => {};
  const quitRequested = new Promise<void>((resolve) => (resolveQuit = resolve));
  const quit = (): void => {
    quitting = true;
    resolveQuit();
  };
  const controller = new Controller(ui, () => api, quit, () => Math.max(1, Math.floor((ui.getState().rows - 6) / 2)), () => mirror);

  const onState = (event: SupervisorEvent): void => {
    if (event.type === 'rolling') {
      const { [event.app]: current = [], ...others } = ui.getState().rolling;
      // instance -1 ends the rollout: done, failed or aborted.
      if (event.step.instance === -1) {
        const failed = event.step.phase === 'failed';
        const text = failed ? (event.step.detail ?? `rolling restart of ${event.app} failed`) : `rolling restart of ${event.app} done`;
        ui.setState({ rolling: others, notice: { text, level: failed ? 'error' : 'info', at: Date.now() } });
        return;
      }
      const steps = [...current.filter((s) => s.instance !== event.step.instance), event.step];
      ui.setState({ rolling: { ...others, [event.app]: steps } });
      return;
    }
    const first = mirror.seq < 0;
    mirror = applyEvent(mirror, event);
    // The first data: load the UI, or draw it now if loaded, not at the next tick.
    if (first && event.type === 'snapshot') {
      firstData();
      setImmediate(() => flushNow());
    }
  };
  let flushNow = (): void => undefined;
  const feed = createLogFeed({ state: onState, logs });

  const attach = async (): Promise<void> => {
    while (!quitting) {
      try {
        const next = await options.connect();
        api = next;
        // State first and the shown instance's backlog after: the old way loaded every instance's backlog before the first frame.
        feed.start(next, logs.wants(ui.getState()));
        ui.setState({ connection: 'connected' });
        next.onClose?.(() => {
          api = undefined;
          feed.stop();
          if (!quitting) {
            ui.setState({ connection: 'lost' });
            setTimeout(() => void attach(), RECONNECT_MS);
          }
        });
        return;
      } catch {
        ui.setState({ connection: ui.getState().mirror.seq >= 0 ? 'lost' : 'connecting' });
        await new Promise((r) => setTimeout(r, RECONNECT_MS));
      }
    }
  };
  void attach();
  const { render, createElement, App } = await dataOrTimeout.then(loadUiModules);

  // What the screen last showed, to push nothing when a tick would draw the same frame.
  let shownKey: { state: UiState; key: string | undefined } | undefined;
  let flushed: Mirror = mirror;
  let marks: Readonly<Record<string, number>> = ui.getState().changed;
  let settled: { from: Mirror; shown: Mirror } | undefined;
  let lastLogFrame = 0;
  let wanted: { key: string | undefined; since: number } = { key: undefined, since: 0 };
  const flush = (): void => {
    const now = Date.now();
    const s = ui.getState();
    marks = markChanges(flushed, mirror, marks, now);
    flushed = mirror;
    const host = settleHost(s.mirror.host, mirror.host);
    if (settled?.from !== mirror || settled.shown.host !== host) settled = { from: mirror, shown: host === mirror.host ? mirror : { ...mirror, host } };
    const shown = settled.shown;
    // Whole seconds only, so an unchanged screen renders to the same text.
    const next: UiState = { ...s, mirror: shown, changed: marks, now: Math.floor(now / 1000) * 1000 };
    followSelection(next, now);
    if (shownKey?.state !== s) shownKey = { state: s, key: gridScreenKey(s, theme, unicode) };
    const key = gridScreenKey({ ...next, logWindow: s.logWindow }, theme, unicode);
    const same = key === undefined ? s.mirror === shown && s.changed === marks && s.now === next.now : key === shownKey.key;
    // New log lines wait for LOG_FRAME_MS, unless the frame is drawn anyway.
    const logWindow = logs.window(next, { newLines: !same || now - lastLogFrame >= LOG_FRAME_MS });
    if (same && logWindow === s.logWindow) return;
    if (logWindow !== s.logWindow) lastLogFrame = now;
    ui.setState({ mirror: shown, changed: marks, logWindow, now: next.now });
    shownKey = { state: ui.getState(), key };
  };
  /** Moves the log subscription to what the pane shows once the selection rests. */
  const followSelection = (s: UiState, now: number): void => {
    if (!api) return;
    const wants = logs.wants(s);
    if (wants?.key !== wanted.key) wanted = { key: wants?.key, since: now };
    if (wants?.key === feed.key) return;
    if (feed.key === undefined || now - wanted.since >= FOLLOW_SELECTION_MS) feed.follow(wants);
  };
  flushNow = flush;
  flush();

  const restore = enterFullScreen(stdout);
  const guard = guardExits(restore, () => quit());
  const onResize = (): void => ui.setState({ columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  stdout.on('resize', onResize);
  const instance = render(createElement(App, { store: ui, controller, bindings, theme, unicode, logs }), {
    stdout,
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    // A key's frame waits for Ink's throttle after a log or tick frame: 30 fps gave keypress p95 75-88 ms, 60 fps
    // 40-57 ms while a frame took ~20 ms; with src/tui/ink's Output (~2.5 ms a frame) 60 fps gives 20-25 ms.
    maxFps: 60,
  });
  // A component that throws ends Ink (its error boundary) but not the process: the tickers and the
  // daemon connection would keep a dead UI on the alternate screen, deaf to every key.
  instance.waitUntilExit().then(quit, guard.crash);

  const ticker = setInterval(flush, TICK_MS);
  // Connections for the topology view: /proc reads, so only while it shows, and off the render path.
  let scanning = false;
  const scanner = setInterval(() => {
    if (scanning || ui.getState().view !== 'topology') return;
    scanning = true;
    void readAppConnections(mirror.apps)
      .then((connections) => ui.setState({ connections }))
      .catch(() => undefined)
      .finally(() => (scanning = false));
  }, CONNECTION_SCAN_MS);
  ui.setState({ localHosts: localHostNames() });

  await quitRequested;
  clearInterval(ticker);
  clearInterval(scanner);
  stdout.off('resize', onResize);
  feed.stop();
  instance.unmount();
  restore();
  guard.release();
  await api?.close().catch(() => undefined);
  return 0;
}
