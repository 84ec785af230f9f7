import { describe, expect, it } from 'vitest';
import { appKey, instanceKey } from '../../../../src/tui/state/grid-rows.js';
import { setup } from './controller-setup.js';
import { settle } from './fixtures.js';

const ABORTED = 'rolling restart of "api" stopped at instance 1: aborted by the operator';

describe('Controller: rolling restarts', () => {
  it('Esc on an app whose rolling restart is in progress asks the daemon to abort it and says so, staying in the grid', () => {
    const { ui, controller, calls } = setup({ selectedKey: instanceKey('api', 0) });
    controller.run('rollingRestart');
    ui.setState({ rolling: { api: [{ instance: 0, phase: 'restarting' }] } });
    controller.run('back');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['restart', { app: 'api' }, { rolling: true }],
      ['abortRolling', 'api'],
    ]);
    expect(ui.getState().notice).toMatchObject({ level: 'info', text: 'aborting the rolling restart of api after its current step...' });
    expect(ui.getState().view).toBe('grid');
    expect(ui.getState().rolling.api).toEqual([{ instance: 0, phase: 'restarting' }]);
  });

  it('after an abort the rejected restart shows the reason and the app no longer shows as rolling', async () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('api') });
    controller.run('rollingRestart');
    ui.setState({ rolling: { ...ui.getState().rolling, api: [{ instance: 0, phase: 'ready' }] } });
    controller.run('back');
    calls[1]!.resolve(true);
    calls[0]!.reject(new Error(ABORTED));
    await settle();
    expect(ui.getState().notice).toMatchObject({ level: 'error', text: `rolling restart of api: ${ABORTED}` });
    expect(ui.getState().rolling).toEqual({});
  });

  it('Esc on an app with no rolling restart does not call abortRolling', () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('web'), view: 'compare', rolling: { api: [] } });
    controller.run('back');
    expect(calls).toHaveLength(0);
    expect(ui.getState().view).toBe('grid');
  });

  it('a rolling restart that fails before any progress shows the error and leaves no app stuck as rolling', async () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('api'), rolling: { web: [{ instance: 1, phase: 'waiting' }] } });
    controller.run('rollingRestart');
    expect(ui.getState().rolling.api).toEqual([]);
    calls[0]!.reject(new Error('no app named "api"; known apps: web'));
    await settle();
    expect(ui.getState().notice).toMatchObject({ level: 'error', text: 'rolling restart of api: no app named "api"; known apps: web' });
    expect(ui.getState().rolling).toEqual({ web: [{ instance: 1, phase: 'waiting' }] });
    controller.run('back');
    expect(calls.map((c) => c.method)).toEqual(['restart']);
  });

  it('a rolling restart without a connection says so and does not mark the app as rolling', () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('api') }, false);
    controller.run('rollingRestart');
    expect(calls).toHaveLength(0);
    expect(ui.getState().notice?.text).toContain('not connected');
    expect(ui.getState().rolling).toEqual({});
  });

  it('a successful rolling restart says it is done', async () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('web') });
    controller.run('rollingRestart');
    expect(ui.getState().notice?.text).toBe('rolling restart of web...');
    calls[0]!.resolve();
    await settle();
    expect(ui.getState().notice).toMatchObject({ level: 'info', text: 'rolling restart of web done' });
  });
});
