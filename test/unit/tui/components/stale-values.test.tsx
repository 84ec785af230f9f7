import { render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App as AppType } from '../../../../src/tui/app/App.js';
import type { gridLines as GridLinesFn } from '../../../../src/tui/components/grid-lines.js';
import type { headerLines as HeaderLinesFn } from '../../../../src/tui/components/header-lines.js';
import type { UiState } from '../../../../src/tui/state/ui-state.js';
import { createTheme, type Theme } from '../../../../src/tui/theme.js';
import { app, fakeApi, mirrorOf, NOW, twoApps } from '../shell/fixtures.js';

// paint decides whether to emit SGR when first imported: force colours before loading it.
process.env.FORCE_COLOR = '1';
let App: typeof AppType;
let gridLines: typeof GridLinesFn;
let headerLines: typeof HeaderLinesFn;
let mountDeps: {
  Controller: typeof import('../../../../src/tui/app/controller.js').Controller;
  createLogSource: typeof import('../../../../src/tui/app/tui-log-source.js').createLogSource;
  createUiStore: typeof import('../../../../src/tui/state/ui-state.js').createUiStore;
  DEFAULT_BINDINGS: typeof import('../../../../src/tui/keymap.js').DEFAULT_BINDINGS;
  gridRows: typeof import('../../../../src/tui/state/grid-rows.js').gridRows;
};
beforeAll(async () => {
  ({ App } = await import('../../../../src/tui/app/App.js'));
  ({ gridLines } = await import('../../../../src/tui/components/grid-lines.js'));
  ({ headerLines } = await import('../../../../src/tui/components/header-lines.js'));
  const { Controller } = await import('../../../../src/tui/app/controller.js');
  const { createLogSource } = await import('../../../../src/tui/app/tui-log-source.js');
  const { createUiStore } = await import('../../../../src/tui/state/ui-state.js');
  const { DEFAULT_BINDINGS } = await import('../../../../src/tui/keymap.js');
  const { gridRows } = await import('../../../../src/tui/state/grid-rows.js');
  mountDeps = { Controller, createLogSource, createUiStore, DEFAULT_BINDINGS, gridRows };
});

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));
const ESC = '\x1b';
const GRAY = `${ESC}[90m`;
const GREEN = `${ESC}[32m`;
const INSTANCES = ['api-0', 'api-1', 'web-0', 'web-1'];

let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const unmount of unmounts) unmount();
  unmounts = [];
});

async function mount(initial: Partial<UiState>) {
  const { Controller, createLogSource, createUiStore, DEFAULT_BINDINGS } = mountDeps;
  const store = createUiStore({ mirror: mirrorOf(twoApps()), connection: 'connected', columns: 100, rows: 30, now: NOW, ...initial });
  const controller = new Controller(store, () => fakeApi().api, () => undefined, () => 5);
  const r = render(<App store={store} controller={controller} bindings={DEFAULT_BINDINGS} theme={createTheme('none', false)} unicode={false} logs={createLogSource(store)} />);
  unmounts.push(r.unmount);
  await tick();
  const frame = (): string => r.lastFrame() ?? '';
  const line = (text: string): string => frame().split('\n').find((l) => l.includes(text)) ?? '';
  const connect = async (connection: UiState['connection']): Promise<void> => {
    store.setState({ connection });
    await tick();
  };
  return { frame, line, connect };
}

/** The instance rows of `twoApps()` painted by the grid, by instance name. */
function instanceLines(theme: Theme, unicode: boolean, stale: boolean): Record<string, string> {
  const rows = mountDeps.gridRows(mirrorOf(twoApps()), { collapsed: {}, text: '', faultsOnly: false });
  const grid = gridLines({ rows, selectedKey: undefined, width: 100, height: 20, theme, unicode, now: NOW, changed: {}, pendingScale: {}, rolling: {}, focused: true, stale });
  return Object.fromEntries(grid.lines.filter((l) => l.key.startsWith('inst:')).map((l) => [l.key.slice('inst:'.length).replace(':', '-'), l.text]));
}

describe('values while the daemon is away', () => {
  it('marks the status of every instance with "?" and both header rows with "(stale)" when the connection is lost', async () => {
    const { frame, line } = await mount({ connection: 'lost' });
    expect(frame()).toContain('the daemon went away');
    for (const name of ['api-0', 'api-1', 'web-0']) expect(line(name)).toMatch(/ online\?\s+healthy\s/);
    expect(line('web-1')).toMatch(/ errored\?\s+-\s/);
    const [first, second] = frame().split('\n');
    expect(first).toMatch(/load 0\.50 {2}\(stale\)$/);
    expect(second).toMatch(/up 1h00m {2}\(stale\)$/);
  });

  it('shows no stale marker while connected, and draws exactly the connected screen again after a reconnect', async () => {
    const { frame, line, connect } = await mount({ connection: 'connected' });
    const connected = frame();
    expect(connected).not.toContain('(stale)');
    for (const name of INSTANCES) expect(line(name)).not.toContain('?');
    await connect('lost');
    expect(frame()).toContain('(stale)');
    for (const name of INSTANCES) expect(line(name)).toMatch(/(online|errored)\?/);
    await connect('connected');
    expect(frame()).toBe(connected);
  });

  it('keeps the text marker with no colour, where dim cannot be seen, in the ASCII and the Unicode glyph sets', () => {
    for (const unicode of [false, true]) {
      const theme = createTheme('none', unicode);
      const lines = instanceLines(theme, unicode, true);
      expect(Object.keys(lines)).toEqual(['api-0', 'api-1', 'web-0', 'web-1']);
      for (const text of Object.values(lines)) {
        expect(text).toMatch(/ (online|errored)\? /);
        expect(text).not.toContain(ESC);
      }
      const header = headerLines(mirrorOf(twoApps()), NOW, 100, theme, 'daemon', true);
      for (const row of header) expect(row).toMatch(/ {2}\(stale\)$/);
    }
  });

  it('draws the live values in the dim colour while stale, and in their status colours when connected', () => {
    const theme = createTheme('16', true);
    const stale = instanceLines(theme, true, true)['api-0'] ?? '';
    expect(stale).toContain(`${GRAY}online?`);
    expect(stale).toContain(`${GRAY}healthy`);
    expect(stale).not.toContain(GREEN);
    expect(stale.startsWith('  api-0')).toBe(true);
    const live = instanceLines(theme, true, false)['api-0'] ?? '';
    expect(live).toContain(`${GREEN}online `);
    expect(live).not.toContain(GRAY);
    const [first, second] = headerLines(mirrorOf(twoApps()), NOW, 100, theme, 'daemon', true);
    for (const row of [first, second]) {
      expect(row).toContain(GRAY);
      expect(row).not.toMatch(new RegExp(`${ESC}\\[3[1-7]m`));
    }
  });

  it('fits "starting?" whole in the status column, leaving out the mark of a value that just changed', () => {
    const web = app('web', 1, 3000, () => ({ status: 'starting' }));
    const rows = mountDeps.gridRows(mirrorOf({ web }), { collapsed: {}, text: '', faultsOnly: false });
    const theme = createTheme('none', false);
    const input = { rows, selectedKey: undefined, width: 100, height: 5, theme, unicode: false, now: NOW, changed: { 'web-0:status': NOW - 500 }, pendingScale: {}, rolling: {}, focused: true };
    expect(gridLines({ ...input, stale: false }).lines[1]?.text).toMatch(/ starting\* /);
    expect(gridLines({ ...input, stale: true }).lines[1]?.text).toMatch(/ starting\? /);
  });
});
