import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import type { WireApp } from '../../../../src/api/types.js';
import { App } from '../../../../src/tui/app/App.js';
import { Controller } from '../../../../src/tui/app/controller.js';
import { createLogSource } from '../../../../src/tui/app/tui-log-source.js';
import { DEFAULT_BINDINGS, type Binding } from '../../../../src/tui/keymap.js';
import { createUiStore, type UiState } from '../../../../src/tui/state/ui-state.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { fakeApi, mirrorOf, NOW } from './fixtures.js';

/** Long enough for Ink to draw what a key or a store change asked for. */
export const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const unmount of unmounts) unmount();
  unmounts = [];
});

/** The whole App at 100x30, ASCII and no colour, over `apps` and a fake API; unmounted after each test. */
export async function mountApp(apps: Record<string, WireApp>, initial: Partial<UiState> = {}, bindings: readonly Binding[] = DEFAULT_BINDINGS) {
  const store = createUiStore({ mirror: mirrorOf(apps), connection: 'connected', columns: 100, rows: 30, now: NOW, ...initial });
  const fake = fakeApi();
  const controller = new Controller(store, () => fake.api, () => undefined, () => 5);
  const logs = createLogSource(store);
  const r = render(<App store={store} controller={controller} bindings={bindings} theme={createTheme('none', false)} unicode={false} logs={logs} />);
  unmounts.push(r.unmount);
  await tick();
  const frame = (): string => r.lastFrame() ?? '';
  const press = async (input: string): Promise<void> => {
    r.stdin.write(input);
    await tick();
  };
  /** Re-renders after a change made to the store from outside, as the shell's event feed does. */
  const update = async (patch: Partial<UiState>): Promise<void> => {
    store.setState(patch);
    await tick();
  };
  /** The frame line that shows `text`. */
  const line = (text: string): string => frame().split('\n').find((l) => l.includes(text)) ?? '';
  /** The frame lines starting with `label` (compare rows start with their metric). */
  const startingWith = (label: string): string[] => frame().split('\n').filter((l) => l.startsWith(label));
  return { store, logs, frame, press, update, line, startingWith, ...fake };
}

/** The footer: the last non-empty line of the frame. */
export const footerOf = (frame: string): string => frame.split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';
