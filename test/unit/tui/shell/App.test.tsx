import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, footerHints, type Binding } from '../../../../src/tui/keymap.js';
import type { UiState } from '../../../../src/tui/state/ui-state.js';
import { app } from './fixtures.js';
import { footerOf, mountApp, tick } from './mount-app.js';

/** api: two online, one of them unhealthy; web: one online, one errored. */
function apps() {
  return {
    api: app('api', 2, 4000, (id) => ({ pid: 4_100_000 + id, ...(id === 1 ? { health: 'unhealthy' as const, healthFailures: 3 } : {}) })),
    web: app('web', 2, 3000, (id) => (id === 1 ? { status: 'errored' as const, pid: undefined, reason: 'crashed 15 times', health: 'unknown' as const } : { pid: 4_200_000 })),
  };
}

const mount = (initial: Partial<UiState> = {}, bindings: readonly Binding[] = DEFAULT_BINDINGS) => mountApp(apps(), initial, bindings);

describe('App', () => {
  it('shows the header counts, the app rows and the instance rows', async () => {
    const { frame, line } = await mount();
    expect(frame()).toContain('online 3/4');
    expect(frame()).toContain('unhealthy 1');
    expect(frame()).toContain('load 0.50');
    expect(line('v api')).toContain('2/2 online');
    expect(line('v web')).toContain('1/2 online');
    expect(line('api-1')).toMatch(/online\s+unhealthy\s+4100001\s+4001/);
    expect(line('web-1')).toMatch(/errored/);
    for (const l of frame().split('\n')) expect(l.length).toBeLessThanOrEqual(100);
  });

  it('shows the footer hints generated from the keymap, help and quit included', async () => {
    const { frame } = await mount();
    const footer = footerOf(frame());
    for (const hint of ['Enter expand', '+/- scale', 'r restart', 's stop/start', '? help', 'q quit']) expect(footer).toContain(hint);
    expect(footerHints(DEFAULT_BINDINGS, 'grid', false).some((h) => h.label === 'topology')).toBe(true);
  });

  it('keeps "? help" and "q quit" in the footer of an 80-column terminal, dropping hints before them', async () => {
    const { frame } = await mount({ columns: 80, rows: 24 });
    const footer = footerOf(frame());
    expect(footer).toMatch(/^Enter expand {2}\+\/- scale {2}r restart .*\? help {2}q quit\s*$/);
    expect(footer.trimEnd().length).toBeLessThanOrEqual(80);
  });

  it('shows a rebound key in the footer and runs its command with it', async () => {
    const bindings = DEFAULT_BINDINGS.map((b) => (b.command === 'restart' ? { ...b, keys: ['e'] } : b));
    const { frame, press, calls } = await mount({}, bindings);
    expect(footerOf(frame())).toContain('e restart');
    expect(footerOf(frame())).not.toContain('r restart');
    await press('r');
    expect(calls).toHaveLength(0);
    await press('e');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([['restart', { app: 'api' }]]);
  });

  it('moves the selection marker down with j and up with k', async () => {
    const { line, press } = await mount();
    expect(line('v api').startsWith('>v api')).toBe(true);
    expect(line('api-0').startsWith('  api-0')).toBe(true);
    await press('j');
    expect(line('v api').startsWith(' v api')).toBe(true);
    expect(line('api-0').startsWith('> api-0')).toBe(true);
    await press('k');
    expect(line('v api').startsWith('>v api')).toBe(true);
  });

  it('handles a paste of "jj" as two presses', async () => {
    const { line, press, store } = await mount();
    await press('jj');
    expect(store.getState().selectedKey).toBe('inst:api:1');
    expect(line('api-1').startsWith('> api-1')).toBe(true);
    expect(line('api-0').startsWith('  api-0')).toBe(true);
  });

  it('shows the help lines of the keymap on ?, and closes it on Esc', async () => {
    const { frame, press } = await mount();
    await press('?');
    expect(frame()).toContain('Keys');
    for (const b of DEFAULT_BINDINGS.slice(0, 10)) expect(frame()).toContain(b.help.slice(0, 40));
    expect(frame()).not.toContain('api-0');
    await press('\x1b');
    expect(frame()).not.toContain(DEFAULT_BINDINGS[0]!.help);
    expect(frame()).toContain('api-0');
  });

  it('scrolls the help at 80x24 with j and PgDn, back with k, and Esc closes it', async () => {
    const { frame, press, store } = await mount({ columns: 80, rows: 24 });
    await press('?');
    expect(frame()).toContain('Select the previous row');
    expect(frame()).not.toContain('Quit (the processes');
    await press('j');
    expect(store.getState().helpScroll).toBe(1);
    expect(frame()).not.toContain('Select the previous row');
    await press('\x1b[6~');
    await press('\x1b[6~');
    expect(frame()).toContain('Quit (the processes keep running in daemon mode)');
    const bottom = store.getState().helpScroll;
    await press('j');
    expect(store.getState().helpScroll).toBe(bottom);
    await press('k');
    expect(store.getState().helpScroll).toBe(bottom - 1);
    await press('\x1b');
    expect(frame()).toContain('api-0');
  });

  it('with --read-only shows no action in the footer or the help, and ignores action keys', async () => {
    const { frame, press, calls } = await mount({ readOnly: true });
    const footer = footerOf(frame());
    expect(footer).toContain('q quit');
    for (const label of ['restart', 'scale', 'stop/start', 'rolling']) expect(footer).not.toContain(label);
    await press('r');
    await press('+');
    await press('x');
    expect(calls).toHaveLength(0);
    expect(frame()).not.toContain('delete app');
    await press('?');
    expect(frame()).toContain('read-only');
    expect(frame()).toContain('Select the next row');
    for (const b of DEFAULT_BINDINGS.filter((x) => x.action)) expect(frame()).not.toContain(b.help.slice(0, 30));
    expect(frame()).not.toMatch(/^(r|R|s|x|\+ =|- _) /m);
  });

  it('draws only ASCII with the ASCII theme: grid, help, prompts, notices, banners, too small', async () => {
    const ascii = /^[\x20-\x7e\n]*$/;
    const bindings = DEFAULT_BINDINGS.map((b) => (b.command === 'restart' ? { ...b, keys: ['r', 'ctrl+r', 'ctrl+e', 'ctrl+w', 'e'] } : b));
    const { frame, press, store } = await mount({}, bindings);
    expect(frame()).toMatch(ascii);
    await press('r');
    expect(footerOf(frame())).toContain('restarting api');
    expect(frame()).toMatch(ascii);
    await press('?');
    expect(frame()).toContain('Switch view');
    expect(frame()).toMatch(ascii);
    await press('?');
    await press('/');
    await press('we');
    expect(footerOf(frame())).toContain('filter: we');
    expect(frame()).toMatch(ascii);
    await press('\x1b');
    store.setState({ connection: 'lost' });
    await tick();
    expect(frame()).toContain('the daemon went away');
    expect(frame()).toMatch(ascii);
    store.setState({ connection: 'connecting' });
    await tick();
    expect(frame()).toContain('connecting to the daemon');
    expect(frame()).toMatch(ascii);
    store.setState({ rows: 20 });
    await tick();
    expect(frame()).toContain('terminal too small');
    expect(frame()).toMatch(ascii);
  });

  it('shows "terminal too small" below 24 rows or 80 columns', async () => {
    const { frame, store } = await mount({ rows: 23 });
    expect(frame()).toContain('terminal too small');
    expect(frame()).toContain('100');
    expect(frame()).toContain('23');
    expect(frame()).not.toContain('api-0');
    store.setState({ rows: 24 });
    await tick();
    expect(frame()).toContain('api-0');
    store.setState({ columns: 79 });
    await tick();
    expect(frame()).toContain('terminal too small');
  });

  it('shows the scale target on the app row at once while the call is in flight', async () => {
    const { line, press, calls } = await mount();
    await press('+');
    await press('+');
    await press('+');
    expect(line('v api')).toContain('scaling to 5');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([['scale', 'api', 3]]);
  });

  it('asks before deleting in the footer; y deletes, another key cancels', async () => {
    const { frame, press, calls } = await mount();
    await press('x');
    expect(footerOf(frame())).toContain('delete app "api" and stop its 2 instances (api-0..api-1)? y / n');
    await press('q');
    expect(footerOf(frame())).not.toContain('delete app');
    expect(calls).toHaveLength(0);
    await press('x');
    await press('y');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([['delete', { app: 'api' }]]);
  });

  it('types a filter after / and shows only the matching rows', async () => {
    const { frame, press } = await mount();
    await press('/');
    await press('web-1');
    expect(footerOf(frame())).toContain('filter: web-1');
    expect(frame()).not.toContain('api-0');
    expect(frame()).toContain('web-1');
    await press('\r');
    expect(footerOf(frame())).toContain('? help');
    expect(frame()).not.toContain('api-0');
  });

  it('focuses the logs with l, shows the log hints there, and Esc goes back to the grid', async () => {
    const { frame, press, store } = await mount();
    await press('l');
    expect(store.getState().focus).toBe('logs');
    expect(footerOf(frame())).toContain('/ search');
    expect(footerOf(frame())).toContain('m merged');
    await press('\x1b');
    expect(store.getState().focus).toBe('grid');
    expect(footerOf(frame())).toContain('/ filter');
  });
});
