import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

// Ink writes no frames at all when it believes it runs in CI (is-in-ci, read once at import):
// this file watches what a terminal would receive, so Ink must draw as on a terminal.
const savedCi = vi.hoisted(() => {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  process.env.CI = 'false';
  process.env.CONTINUOUS_INTEGRATION = 'false';
  return saved;
});

import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { App } from '../../../../src/tui/app/App.js';
import { Controller } from '../../../../src/tui/app/controller.js';
import { createLogSource } from '../../../../src/tui/app/tui-log-source.js';
import { stringWidth } from '../../../../src/tui/ink/string-width.js';
import { DEFAULT_BINDINGS } from '../../../../src/tui/keymap.js';
import { createUiStore } from '../../../../src/tui/state/ui-state.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { frameLines } from '../topology/frame.js';
import { app, fakeApi, mirrorOf, NOW } from './fixtures.js';

afterAll(() => {
  for (const [key, value] of Object.entries(savedCi)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** A terminal of a fixed size that keeps every write Ink makes. */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  readonly writes: string[] = [];
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write(chunk: string): boolean {
    this.writes.push(chunk);
    return true;
  }
}

/** Keys typed into Ink as a terminal in raw mode would hand them over. */
class FakeKeyboard extends EventEmitter {
  readonly isTTY = true;
  private pending: string | null = null;
  type(keys: string): void {
    this.pending = keys;
    this.emit('readable');
  }
  read(): string | null {
    const keys = this.pending;
    this.pending = null;
    return keys;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
  resume(): void {}
  pause(): void {}
}

/** Three apps of 30 instances, a few failing, so every view has more rows than the screen. */
function manyApps() {
  const failing = (id: number) => (id % 7 === 3 ? { status: 'errored' as const, pid: undefined, reason: 'crashed 15 times', health: 'unknown' as const, restarts: 15 } : {});
  return { alpha: app('alpha', 30, 4000, failing), beta: app('beta', 30, 5000, failing), gamma: app('gamma', 30, 6000, failing) };
}

// The pane follows the tail: the lines that could overflow a row come last, so they are on screen.
const LOG_LINES = [
  ...Array.from({ length: 60 }, (_, k) => `request ${k} done`),
  'GET /api/orders?from=2025-01-01&to=2025-01-31&page=17 200 12ms ' + 'x'.repeat(300),
  '\tindented with a tab',
  'wide: ' + '日本語のログ'.repeat(30),
];

let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const unmount of unmounts) unmount();
  unmounts = [];
});

/** The App on a terminal of `columns` x `rows`; with `debug`, Ink writes each whole frame once, as it is. */
function mount(columns: number, rows: number, debug: boolean) {
  const store = createUiStore({ mirror: mirrorOf(manyApps()), connection: 'connected', columns, rows, now: NOW });
  const controller = new Controller(store, () => fakeApi().api, () => undefined, () => 5);
  const logs = createLogSource(store);
  logs.append({ type: 'log', seq: 1, app: 'alpha', instance: 0, stream: 'out', lines: LOG_LINES });
  // What run-tui's flush does after every change: the log lines to show are chosen off React.
  const flush = (): void => store.setState({ logWindow: logs.window(store.getState()) });
  flush();
  const terminal = new FakeTerminal(columns, rows);
  const keyboard = new FakeKeyboard();
  const instance = render(<App store={store} controller={controller} bindings={DEFAULT_BINDINGS} theme={createTheme('none', true)} unicode={true} logs={logs} />, {
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    debug,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60,
  });
  unmounts.push(instance.unmount);
  let mark = 0;
  /** Waits until Ink has written `text` since the last key. */
  const sees = async (text: string): Promise<void> => {
    const deadline = Date.now() + 5000;
    while (!terminal.writes.slice(mark).join('').includes(text)) {
      if (Date.now() > deadline) throw new Error(`no frame showed ${JSON.stringify(text)} after the last key; it wrote:\n${terminal.writes.slice(mark).join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const press = async (keys: string, then: string): Promise<void> => {
    mark = terminal.writes.length;
    keyboard.type(keys);
    await new Promise((resolve) => setImmediate(resolve));
    flush();
    await sees(then);
  };
  return { terminal, store, sees, press };
}

type Screen = ReturnType<typeof mount>;

/** Every view, each waited for by something only it shows: the grid scrolled, logs focused, details, topology, compare and help. */
async function visitEveryView({ sees, press, store }: Screen): Promise<void> {
  await sees('alpha-0');
  await press('l', '/ search');
  expect(store.getState().focus).toBe('logs');
  await press('\x1b', 'Enter expand');
  await press('j'.repeat(45), '› beta-13');
  await press('d', 'exits');
  expect(store.getState().bottom).toBe('details');
  await press('t', 'namespace');
  expect(store.getState().view).toBe('topology');
  await press('c', 'beta-0');
  expect(store.getState().view).toBe('compare');
  await press('?', 'Keys');
  expect(store.getState().showHelp).toBe(true);
}

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
];

describe.each(SIZES)('the App at $columns x $rows with 3 apps of 30 instances', ({ columns, rows }) => {
  it('draws every frame of every view in at most rows - 1 lines, none wider than the terminal', async () => {
    const screen = mount(columns, rows, true);
    await visitEveryView(screen);
    const frames = screen.terminal.writes;
    expect(frames.length).toBeGreaterThanOrEqual(7);
    for (const frame of frames) {
      const lines = frameLines(frame);
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      const wide = lines.filter((line) => stringWidth(line) > columns);
      expect(wide).toEqual([]);
    }
  });

  it('never clears the whole screen between frames, which would flicker', async () => {
    const screen = mount(columns, rows, false);
    await visitEveryView(screen);
    const output = screen.terminal.writes.join('');
    expect(output).toContain('Keys');
    expect(output).not.toContain('\x1b[2J');
  });
});
