import { describe, expect, it } from 'vitest';
import type { UiState } from '../../../../src/tui/state/ui-state.js';
import { app } from './fixtures.js';
import { footerOf, mountApp, tick } from './mount-app.js';
const ESC = '\x1b';
const TAB = '\t';

/** api: two online instances, instance 1 unhealthy and using twice the memory; web: two online. */
function apps() {
  return {
    api: app('api', 2, 4000, (id) => (id === 1 ? { health: 'unhealthy' as const, healthFailures: 3, memory: 96 * 1024 * 1024 } : {})),
    web: app('web', 2, 3000),
  };
}

const mount = (initial: Partial<UiState> = {}) => mountApp(apps(), initial);

describe('App keys: rolling restarts', () => {
  it('R on an instance row starts a rolling restart of its app and the footer says it is in progress', async () => {
    const { press, calls, store, frame } = await mount();
    await press('jjjj');
    expect(store.getState().selectedKey).toBe('inst:web:0');
    await press('R');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([['restart', { app: 'web' }, { rolling: true }]]);
    expect(store.getState().rolling).toEqual({ web: [] });
    expect(footerOf(frame())).toContain('rolling restart of web...');
  });

  it("shows each instance's rolling phase on its app row as progress arrives, and drops it when the rollout ends", async () => {
    const { line, update } = await mount();
    expect(line('v api')).not.toContain('rolling');
    await update({ rolling: { api: [{ instance: 0, phase: 'ready' }, { instance: 1, phase: 'restarting' }] } });
    expect(line('v api')).toMatch(/\b0\W*ready\b/);
    expect(line('v api')).toMatch(/\b1\W*restarting\b/);
    expect(line('v web')).not.toContain('rolling');
    await update({ rolling: { api: [{ instance: 0, phase: 'ready' }, { instance: 1, phase: 'waiting' }] } });
    expect(line('v api')).toMatch(/\b1\W*waiting\b/);
    expect(line('v api')).not.toContain('restarting');
    await update({ rolling: {} });
    expect(line('v api')).not.toMatch(/ready|waiting|rolling/);
  });

  it('Esc during a rolling restart aborts it; the aborted call then shows its reason and the row stops showing progress', async () => {
    const { press, update, calls, frame, line } = await mount();
    await press('R');
    await update({ rolling: { api: [{ instance: 0, phase: 'restarting' }] } });
    await press(ESC);
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['restart', { app: 'api' }, { rolling: true }],
      ['abortRolling', 'api'],
    ]);
    expect(footerOf(frame())).toContain('aborting the rolling restart of api after its current step...');
    expect(line('v api')).toContain('restarting');

    calls[1]!.resolve(true);
    calls[0]!.reject(new Error('rolling restart of "api" stopped at instance 0: aborted by the operator'));
    await tick();
    expect(footerOf(frame())).toContain('aborted by the operator');
    expect(line('v api')).not.toContain('restarting');
  });
});

describe('App keys: views', () => {
  it('c opens the compare view of the selected app and D hides the metrics equal on every instance, D again shows them', async () => {
    const { press, frame, startingWith, store } = await mount();
    await press('D');
    expect(store.getState().compareDiffOnly).toBe(false);
    await press('c');
    expect(startingWith('cpu avg')).toHaveLength(1);
    expect(startingWith('memory ')[0]).toMatch(/48M\s+96M/);
    expect(frame()).not.toContain('differences only');

    await press('D');
    expect(frame()).toContain('differences only');
    expect(startingWith('cpu avg')).toHaveLength(0);
    expect(startingWith('status')).toHaveLength(0);
    expect(startingWith('memory ')[0]).toMatch(/48M\s+96M/);
    expect(startingWith('health')).toHaveLength(1);

    await press('D');
    expect(frame()).not.toContain('differences only');
    expect(startingWith('cpu avg')).toHaveLength(1);
  });

  it('t opens the topology and Tab then cycles to compare and back to the grid', async () => {
    const { press, frame, line, store } = await mount();
    expect(line('v api')).toContain('2/2 online');
    await press('t');
    expect(store.getState().view).toBe('topology');
    expect(frame()).toContain('connections');
    expect(line('v api')).toBe('');
    await press(TAB);
    expect(store.getState().view).toBe('compare');
    expect(frame()).toMatch(/^cpu avg/m);
    expect(frame()).not.toContain('connections');
    await press(TAB);
    expect(store.getState().view).toBe('grid');
    expect(line('v api')).toContain('2/2 online');
    expect(frame()).not.toMatch(/^cpu avg/m);
  });
});
