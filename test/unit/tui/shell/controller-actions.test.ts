import { describe, expect, it } from 'vitest';
import { appKey, instanceKey } from '../../../../src/tui/state/grid-rows.js';
import { setup } from './controller-setup.js';
import { mirrorOf, settle, twoApps } from './fixtures.js';

describe('Controller: actions on the selected row', () => {
  it('restarts the selected instance on an instance row and the whole app on an app row', () => {
    const { ui, controller, calls } = setup({ selectedKey: instanceKey('web', 1) });
    controller.run('restart');
    ui.setState({ selectedKey: appKey('api') });
    controller.run('restart');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['restart', { app: 'web', instance: 1 }],
      ['restart', { app: 'api' }],
    ]);
    expect(ui.getState().notice?.text).toBe('restarting api...');
  });

  it('acts on the first row when nothing is selected', () => {
    const { controller, calls } = setup();
    controller.run('restart');
    expect(calls[0]?.args).toEqual([{ app: 'api' }]);
  });

  it('turns a failed action into an error notice naming what it was doing', async () => {
    const { ui, controller, calls } = setup({ selectedKey: instanceKey('web', 0) });
    controller.run('restart');
    calls[0]!.reject(new Error('unknown app "web"'));
    await settle();
    expect(ui.getState().notice).toMatchObject({ level: 'error', text: 'restarting web-0: unknown app "web"' });
  });

  it('tells the operator when there is no connection instead of calling', () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('web') }, false);
    controller.run('restart');
    expect(calls).toHaveLength(0);
    expect(ui.getState().notice?.level).toBe('error');
    expect(ui.getState().notice?.text).toContain('not connected');
  });

  it('stops a running instance and starts a stopped or errored one', () => {
    const { ui, controller, calls } = setup({ selectedKey: instanceKey('web', 0) });
    controller.run('stopStart');
    ui.setState({ selectedKey: instanceKey('web', 1) });
    controller.run('stopStart');
    const apps = twoApps();
    ui.setState({
      mirror: mirrorOf({ ...apps, api: { ...apps.api!, instances: apps.api!.instances.map((i) => ({ ...i, status: 'stopped' as const, desired: 'stopped' as const })) } }),
      selectedKey: instanceKey('api', 0),
    });
    controller.run('stopStart');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['stop', { app: 'web', instance: 0 }],
      ['startApps', { app: 'web', instance: 1 }],
      ['startApps', { app: 'api', instance: 0 }],
    ]);
  });

  it('on an app row stops an app with instances online and starts one with none', () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('web') });
    controller.run('stopStart');
    const apps = twoApps();
    ui.setState({ mirror: mirrorOf({ ...apps, web: { ...apps.web!, instances: apps.web!.instances.map((i) => ({ ...i, status: 'stopped' as const, desired: 'stopped' as const })) } }) });
    controller.run('stopStart');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['stop', { app: 'web' }],
      ['startApps', { app: 'web' }],
    ]);
  });

  it('asks before deleting, naming the app and its instances; y deletes', async () => {
    const { ui, controller, calls } = setup({ selectedKey: instanceKey('web', 1) });
    controller.run('delete');
    expect(calls).toHaveLength(0);
    const confirm = ui.getState().confirm;
    expect(confirm?.app).toBe('web');
    expect(confirm?.message).toContain('"web"');
    expect(confirm?.message).toContain('2 instances');
    expect(confirm?.message).toContain('web-0..web-1');
    controller.confirm(true);
    expect(ui.getState().confirm).toBeUndefined();
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([['delete', { app: 'web' }]]);
    calls[0]!.resolve(['web']);
    await settle();
    expect(ui.getState().notice?.text).toBe('deleted web');
  });

  it('cancels the delete on any other answer', () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('api') });
    controller.run('delete');
    expect(ui.getState().confirm).toBeDefined();
    controller.confirm(false);
    expect(ui.getState().confirm).toBeUndefined();
    expect(calls).toHaveLength(0);
  });

  it('starts a rolling restart of the app and shows it as in progress', () => {
    const { ui, controller, calls } = setup({ selectedKey: instanceKey('api', 1) });
    controller.run('rollingRestart');
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([['restart', { app: 'api' }, { rolling: true }]]);
    expect(ui.getState().rolling.api).toEqual([]);
  });
});
