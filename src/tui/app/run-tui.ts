import type { SupervisorApi, SupervisorEvent } from '../../api/types.js';
import { applyEvent, EMPTY_MIRROR, type Mirror } from '../state/mirror.js';
import { createUiStore, markChanges, type UiStore } from '../state/ui-state.js';
import { createTheme, detectColorDepth, detectUnicode, forceColorLevel } from '../theme.js';
import { loadKeymap } from '../keymap-config.js';
import { localHostNames, readAppConnections } from '../topology/read-connections.js';
import { enterFullScreen, guardExits } from './terminal.js';

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

/** Pushes state to the screen at this rate; keys render at once (see the Ink notes). */
const TICK_MS = 250;
const RECONNECT_MS = 1000;
const CONNECTION_SCAN_MS = 3000;

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
  const [{ render }, React, { App }, { Controller }, { createLogSource }] = await Promise.all([
    import('ink'),
    import('react'),
    import('./App.js'),
    import('./controller.js'),
    import('./tui-log-source.js'),
  ]);

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
  const controller = new Controller(ui, () => api, quit, () => Math.max(1, Math.floor((ui.getState().rows - 6) / 2)));

  const onEvent = (event: SupervisorEvent): void => {
    if (event.type === 'log') return logs.append(event);
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
    mirror = applyEvent(mirror, event);
  };

  let unsubscribe: (() => void) | undefined;
  const attach = async (): Promise<void> => {
    while (!quitting) {
      try {
        const next = await options.connect();
        api = next;
        await loadBacklog(next, logs);
        unsubscribe = next.subscribe(onEvent, { logs: true });
        ui.setState({ connection: 'connected' });
        next.onClose?.(() => {
          api = undefined;
          unsubscribe = undefined;
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

  const restore = enterFullScreen(stdout);
  const unguard = guardExits(restore, () => quit());
  const onResize = (): void => ui.setState({ columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  stdout.on('resize', onResize);
  const instance = render(React.createElement(App, { store: ui, controller, bindings, theme, unicode, logs }), {
    stdout,
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  void attach();

  let flushed: Mirror = mirror;
  const flush = (): void => {
    const now = Date.now();
    const s = ui.getState();
    const changed = markChanges(flushed, mirror, s.changed, now);
    const logWindow = logs.window(s);
    // Whole seconds only, so an unchanged screen renders to the same text and Ink writes nothing.
    const second = Math.floor(now / 1000) * 1000;
    if (mirror === flushed && changed === s.changed && logWindow === s.logWindow && second === s.now) return;
    flushed = mirror;
    ui.setState({ mirror, changed, logWindow, now: second });
  };
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
  unsubscribe?.();
  instance.unmount();
  restore();
  unguard();
  await api?.close().catch(() => undefined);
  return 0;
}

/** Recent lines of every instance, so the log pane is not empty until the next line arrives. */
async function loadBacklog(api: TuiApi, logs: { append(event: Extract<SupervisorEvent, { type: 'log' }>): void }): Promise<void> {
  const apps = [...new Set((await api.listProcesses()).map((row) => row.app))];
  for (const app of apps) {
    const lines = await api.logs({ app, lines: 200 });
    for (const line of lines) logs.append({ type: 'log', seq: 0, app: line.app, instance: line.instance, stream: line.stream, lines: [line.line] });
  }
}
