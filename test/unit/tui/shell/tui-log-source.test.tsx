import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { createLogSource } from '../../../../src/tui/app/tui-log-source.js';
import { LogPane } from '../../../../src/tui/logs/LogPane.js';
import { createUiStore, type UiState } from '../../../../src/tui/state/ui-state.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { app, mirrorOf } from './fixtures.js';

const lines = (prefix: string, from: number, count: number): string[] => Array.from({ length: count }, (_, k) => `${prefix} line ${from + k}`);

function setup(initial: Partial<UiState> = {}) {
  const ui = createUiStore({ mirror: mirrorOf({ web: app('web', 2, 3000) }), connection: 'connected', columns: 100, rows: 30, selectedKey: 'inst:web:0', ...initial });
  const logs = createLogSource(ui);
  const append = (instance: number, text: string[], stream: 'out' | 'err' = 'out'): void => logs.append({ type: 'log', seq: 0, app: 'web', instance, stream, lines: text });
  const window = () => logs.window(ui.getState());
  return { ui, logs, append, window };
}

const texts = (w: { lines: ReadonlyArray<{ text: string }> }): string[] => w.lines.map((l) => l.text);

describe('createLogSource', () => {
  it('follows the tail of the selected instance', () => {
    const { ui, append, window } = setup();
    append(0, lines('zero', 0, 100));
    append(1, lines('one', 0, 50));
    const w0 = window();
    expect(w0.left.title).toBe('web-0');
    expect(w0.left.follow).toBe(true);
    expect(w0.left.lines.length).toBeGreaterThan(5);
    expect(texts(w0.left).at(-1)).toBe('zero line 99');
    expect(texts(w0.left).every((t) => t.startsWith('zero'))).toBe(true);

    append(0, ['zero line 100']);
    expect(texts(window().left).at(-1)).toBe('zero line 100');

    ui.setState({ selectedKey: 'inst:web:1' });
    const w1 = window();
    expect(w1.left.title).toBe('web-1');
    expect(texts(w1.left).at(-1)).toBe('one line 49');
  });

  it('shows the logs of instance 0 for an app row, and fits the pane height', () => {
    const { ui, append, window } = setup({ selectedKey: 'app:web' });
    append(0, lines('zero', 0, 100));
    const height = window().left.lines.length;
    expect(window().left.title).toBe('web-0');
    ui.setState({ focus: 'logs' });
    expect(window().left.lines.length).toBeGreaterThan(height);
  });

  it('returns the same window while nothing changed, so an idle frame costs nothing', () => {
    const { append, window } = setup();
    append(0, lines('zero', 0, 10));
    expect(window()).toBe(window());
    append(0, ['more']);
    expect(texts(window().left).at(-1)).toBe('more');
  });

  it('pauses when scrolled up in the logs, counts new lines, and f resumes', () => {
    const { ui, logs, append, window } = setup({ focus: 'logs' });
    append(0, lines('zero', 0, 100));
    expect(logs.handles('up')).toBe(true);
    logs.run('up');
    const paused = window();
    expect(paused.left.follow).toBe(false);
    expect(texts(paused.left).at(-1)).toBe('zero line 98');
    expect(paused.left.newLines).toBe(1);

    append(0, lines('zero', 100, 5));
    const still = window();
    expect(texts(still.left).at(-1)).toBe('zero line 98');
    expect(still.left.newLines).toBe(6);

    logs.run('follow');
    const resumed = window();
    expect(ui.getState().logView.follow).toBe(true);
    expect(resumed.left.follow).toBe(true);
    expect(resumed.left.newLines).toBe(0);
    expect(texts(resumed.left).at(-1)).toBe('zero line 104');
  });

  it('follows again when another instance is selected while paused', async () => {
    const { ui, logs, append, window } = setup({ focus: 'logs' });
    append(0, lines('zero', 0, 50));
    append(1, lines('one', 0, 50));
    window();
    logs.run('up');
    expect(window().left.follow).toBe(false);
    ui.setState({ selectedKey: 'inst:web:1' });
    window();
    await Promise.resolve();
    expect(ui.getState().logView.follow).toBe(true);
    expect(texts(window().left).at(-1)).toBe('one line 49');
  });

  it('pages up by a pane height', () => {
    const { logs, append, window } = setup({ focus: 'logs' });
    append(0, lines('zero', 0, 200));
    const height = window().left.lines.length;
    logs.run('pageUp');
    expect(texts(window().left).at(-1)).toBe(`zero line ${199 - (height - 1)}`);
  });

  it('merges every instance of the app with prefixes, and m again goes back', () => {
    const { ui, logs, append, window } = setup({ focus: 'logs' });
    append(0, ['zero a']);
    append(1, ['one a']);
    append(0, ['zero b']);
    logs.run('merged');
    const merged = window();
    expect(merged.left.title).toBe('web (all instances)');
    expect(merged.left.prefixes).toEqual({ app: 'web' });
    expect(merged.left.lines.map((l) => [l.instance, l.text])).toEqual([
      [0, 'zero a'],
      [1, 'one a'],
      [0, 'zero b'],
    ]);

    const { lastFrame, unmount } = render(<LogPane {...merged.left} width={60} height={5} theme={createTheme('none', false)} />);
    const frame = lastFrame() ?? '';
    unmount();
    expect(frame).toContain('web-0 zero a');
    expect(frame).toContain('web-1 one a');

    logs.run('merged');
    expect(ui.getState().logView.merged).toBe(false);
    expect(window().left.title).toBe('web-0');
  });

  it('shows the selected instance and the next one side by side', () => {
    const { logs, append, window } = setup({ focus: 'logs' });
    append(0, ['zero a']);
    append(1, ['one a']);
    logs.run('sideBySide');
    const w = window();
    expect(w.left.title).toBe('web-0');
    expect(w.right?.title).toBe('web-1');
    expect(texts(w.right!)).toEqual(['one a']);
  });

  it('finds the matches of a search typed after /, and steps through them with n and N', () => {
    const { ui, logs, append, window } = setup({ focus: 'logs' });
    append(0, ['GET /a 200', 'GET /b 500', 'boot', 'GET /c 500 after 500ms']);
    let done = 0;
    for (const input of '500') logs.typeSearch({ input }, () => done++);
    expect(ui.getState().logView.search.query).toBe('500');
    logs.typeSearch({ input: '', enter: true }, () => done++);
    expect(done).toBe(1);
    const found = window().left.search;
    expect(found).toMatchObject({ query: '500', total: 3 });
    // Enter lands on the newest match.
    expect(found?.current).toBe(2);
    expect(found?.hit).toEqual({ seq: 3, occurrence: 1 });
    logs.run('searchNext');
    expect(window().left.search?.hit).toEqual({ seq: 1, occurrence: 0 });
    logs.run('searchPrev');
    logs.run('searchPrev');
    expect(window().left.search?.hit).toEqual({ seq: 3, occurrence: 0 });

    logs.run('back');
    expect(ui.getState().logView.search.query).toBe('');
    expect(window().left.search).toBeUndefined();
    expect(ui.getState().focus).toBe('logs');
    logs.run('back');
    expect(ui.getState().focus).toBe('grid');
  });

  it('edits the search with backspace', () => {
    const { ui, logs } = setup({ focus: 'logs' });
    for (const input of 'errx') logs.typeSearch({ input }, () => undefined);
    logs.typeSearch({ input: '', backspace: true }, () => undefined);
    expect(ui.getState().logView.search.query).toBe('err');
  });
});
