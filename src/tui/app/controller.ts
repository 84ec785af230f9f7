import type { SupervisorApi } from '../../api/types.js';
import type { Command } from '../keymap.js';
import { gridRows, instanceKey, moveSelection, type GridRow } from '../state/grid-rows.js';
import { buildTopology } from '../topology/build-topology.js';
import { topologyJumpTarget } from '../topology/jump-target.js';
import type { Mirror } from '../state/mirror.js';
import type { Notice, UiState, UiStore, View } from '../state/ui-state.js';

const VIEWS: readonly View[] = ['grid', 'topology', 'compare'];
const NOT_CONNECTED = (): Notice => ({ text: 'not connected to the daemon; try again when it is back', level: 'error', at: Date.now() });

/** Runs keymap commands: UI changes at once, server actions through the API, errors as notices. */
export class Controller {
  private readonly scaleInFlight = new Set<string>();

  constructor(
    private readonly ui: UiStore,
    private readonly api: () => SupervisorApi | undefined,
    private readonly quit: () => void,
    private readonly pageSize: () => number,
    /** The newest mirror: the store's may hold back changes the screen does not show yet. */
    private readonly live: () => Mirror = () => ui.getState().mirror,
  ) {}

  run(command: Command): void {
    const s = this.ui.getState();
    switch (command) {
      case 'up':
      case 'down':
      case 'pageUp':
      case 'pageDown': {
        const step = command === 'up' ? -1 : command === 'down' ? 1 : (command === 'pageUp' ? -1 : 1) * this.pageSize();
        if (s.view === 'topology') return this.set({ topologySelected: Math.max(0, s.topologySelected + step) });
        return this.set({ selectedKey: moveSelection(this.rows(), s.selectedKey, step) });
      }
      case 'toggleApp': {
        if (s.view === 'topology') return this.jumpFromTopology(s);
        const row = this.selectedRow();
        if (row?.kind !== 'app') return;
        const collapsed = { ...s.collapsed };
        if (collapsed[row.app]) delete collapsed[row.app];
        else collapsed[row.app] = true;
        return this.set({ collapsed });
      }
      case 'scaleUp':
      case 'scaleDown':
        return this.scale(command === 'scaleUp' ? 1 : -1);
      case 'restart': {
        const row = this.selectedRow();
        if (!row) return;
        const target = row.kind === 'instance' ? { app: row.app, instance: row.instance.id } : { app: row.app };
        return this.act(`restarting ${label(row)}`, (api) => api.restart(target));
      }
      case 'rollingRestart': {
        const row = this.selectedRow();
        if (!row) return;
        return this.act(`rolling restart of ${row.app}`, (api) => this.rollout(row.app, () => api.restart({ app: row.app }, { rolling: true })), `rolling restart of ${row.app} done`);
      }
      case 'stopStart': {
        const row = this.selectedRow();
        if (!row) return;
        const target = row.kind === 'instance' ? { app: row.app, instance: row.instance.id } : { app: row.app };
        const down = row.kind === 'instance' ? row.instance.desired === 'stopped' || row.instance.status === 'errored' : row.online === 0;
        return down ? this.act(`starting ${label(row)}`, (api) => api.startApps(target)) : this.act(`stopping ${label(row)}`, (api) => api.stop(target));
      }
      case 'delete': {
        const row = this.selectedRow();
        if (!row) return;
        const app = this.live().apps[row.app];
        const n = app?.instances.length ?? 0;
        const message = `delete app "${row.app}" and stop its ${n} instance${n === 1 ? '' : 's'} (${row.app}-0${n > 1 ? `..${row.app}-${n - 1}` : ''})? y / n`;
        return this.set({ confirm: { message, app: row.app } });
      }
      case 'focusLogs':
        return this.set({ focus: s.focus === 'logs' ? 'grid' : 'logs', bottom: 'logs' });
      case 'details':
        return this.set({ bottom: s.bottom === 'details' ? 'logs' : 'details' });
      case 'filter':
        return this.set({ editing: 'filter' });
      case 'search':
        return this.set({ editing: 'search' });
      case 'faultsOnly':
        return this.set({ faultsOnly: !s.faultsOnly });
      case 'follow':
      case 'searchNext':
      case 'searchPrev':
      case 'merged':
      case 'sideBySide':
        return; // handled by the log pane's own state
      case 'topology':
        return this.set({ view: s.view === 'topology' ? 'grid' : 'topology', focus: 'grid' });
      case 'compare':
        return this.set({ view: s.view === 'compare' ? 'grid' : 'compare', focus: 'grid' });
      case 'diffOnly':
        return this.set({ compareDiffOnly: !s.compareDiffOnly });
      case 'nextView':
        return this.set({ view: VIEWS[(VIEWS.indexOf(s.view) + 1) % VIEWS.length]!, focus: 'grid' });
      case 'back':
        if (s.showHelp) return this.set({ showHelp: false });
        if (s.editing === 'filter') return this.set({ editing: undefined, filter: '' });
        if (s.editing) return this.set({ editing: undefined });
        if (s.focus === 'logs') return this.set({ focus: 'grid' });
        if (this.abortRollout(s)) return;
        return this.set({ view: 'grid' });
      case 'help':
        return this.set({ showHelp: !s.showHelp, helpScroll: 0 });
      case 'quit':
        return this.quit();
    }
  }

  /** Esc during a rolling restart of the selected app: stop it after its current step. */
  private abortRollout(s: UiState): boolean {
    const app = this.selectedRow()?.app;
    if (!app || s.rolling[app] === undefined) return false;
    const api = this.api();
    if (!api) return false;
    this.set({ notice: { text: `aborting the rolling restart of ${app} after its current step...`, level: 'info', at: Date.now() } });
    void api.abortRolling(app).catch(() => undefined);
    return true;
  }

  /** Marks the app as rolling while the call runs; a call that fails before its first step sends no end event to clear it. */
  private rollout(app: string, call: () => Promise<void>): Promise<void> {
    this.set({ rolling: { ...this.ui.getState().rolling, [app]: [] } });
    return call().catch((error: unknown) => {
      const { [app]: _failed, ...rest } = this.ui.getState().rolling;
      this.set({ rolling: rest });
      throw error;
    });
  }

  /** Enter on a topology row: back to the grid with that instance selected. */
  private jumpFromTopology(s: UiState): void {
    const model = buildTopology(s.mirror.apps, { connections: s.connections, localHosts: s.localHosts });
    const target = topologyJumpTarget(model, Math.min(s.topologySelected, Math.max(0, model.rows.length - 1)));
    if (!target) return;
    const collapsed = { ...s.collapsed };
    delete collapsed[target.app];
    this.set({ view: 'grid', focus: 'grid', collapsed, selectedKey: instanceKey(target.app, target.instance) });
  }

  /** Answers the pending confirmation. */
  confirm(yes: boolean): void {
    const { confirm } = this.ui.getState();
    this.set({ confirm: undefined });
    if (!confirm || !yes) return;
    this.act(`deleting ${confirm.app}`, (api) => api.delete({ app: confirm.app }).then(() => undefined), `deleted ${confirm.app}`);
  }

  /** Types into the filter field: a character, or backspace; Enter keeps the filter. */
  type(key: { input: string; backspace?: boolean; enter?: boolean }): void {
    const s = this.ui.getState();
    if (key.enter) return this.set({ editing: undefined });
    if (s.editing !== 'filter') return;
    const filter = key.backspace ? s.filter.slice(0, -1) : s.filter + key.input;
    this.set({ filter, selectedKey: moveSelection(this.rows({ ...s, filter }), s.selectedKey, 0) });
  }

  /** Adds to the app's scale target; one request at a time, the last target always sent. */
  private scale(delta: number): void {
    const row = this.selectedRow();
    if (!row) return;
    const s = this.ui.getState();
    const current = this.live().apps[row.app]?.instances.length ?? 0;
    const target = Math.max(1, (s.pendingScale[row.app] ?? current) + delta);
    this.set({ pendingScale: { ...s.pendingScale, [row.app]: target } });
    this.sendScale(row.app);
  }

  private sendScale(app: string): void {
    if (this.scaleInFlight.has(app)) return;
    const target = this.ui.getState().pendingScale[app];
    const api = this.api();
    if (target === undefined) return;
    if (!api) {
      // Nothing would ever send it: drop the target rather than show "scaling to N" forever.
      const { [app]: _unsent, ...rest } = this.ui.getState().pendingScale;
      return this.set({ pendingScale: rest, notice: NOT_CONNECTED() });
    }
    this.scaleInFlight.add(app);
    api.scale(app, target).then(
      () => {
        this.scaleInFlight.delete(app);
        if (this.ui.getState().pendingScale[app] !== target) return this.sendScale(app);
        const { [app]: _done, ...rest } = this.ui.getState().pendingScale;
        this.set({ pendingScale: rest, notice: { text: `${app} scaled to ${target}`, level: 'info', at: Date.now() } });
      },
      (error: unknown) => {
        this.scaleInFlight.delete(app);
        const { [app]: _failed, ...rest } = this.ui.getState().pendingScale;
        this.set({ pendingScale: rest, notice: { text: `scale ${app}: ${(error as Error).message}`, level: 'error', at: Date.now() } });
      },
    );
  }

  private act(doing: string, call: (api: SupervisorApi) => Promise<void>, done?: string): void {
    const api = this.api();
    if (!api) return this.set({ notice: NOT_CONNECTED() });
    this.set({ notice: { text: `${doing}...`, level: 'info', at: Date.now() } });
    call(api).then(
      () => {
        if (done) this.set({ notice: { text: done, level: 'info', at: Date.now() } });
      },
      (error: unknown) => this.set({ notice: { text: `${doing}: ${(error as Error).message}`, level: 'error', at: Date.now() } }),
    );
  }

  private rows(state: UiState = this.ui.getState()): GridRow[] {
    return gridRows(state.mirror, { collapsed: state.collapsed, text: state.filter, faultsOnly: state.faultsOnly });
  }

  selectedRow(): GridRow | undefined {
    const key = this.ui.getState().selectedKey;
    const rows = this.rows();
    return rows.find((r) => r.key === key) ?? rows[0];
  }

  private set(patch: Partial<UiState>): void {
    this.ui.setState(patch);
  }
}

function label(row: GridRow): string {
  return row.kind === 'instance' ? `${row.app}-${row.instance.id}` : row.app;
}
