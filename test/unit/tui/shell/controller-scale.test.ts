import { describe, expect, it } from 'vitest';
import { appKey, instanceKey } from '../../../../src/tui/state/grid-rows.js';
import { setup } from './controller-setup.js';
import { settle } from './fixtures.js';

describe('Controller: scaling', () => {
  it('shows the target of repeated presses at once and keeps one scale call in flight, ending at the final target', async () => {
    const { ui, controller, calls, inFlight } = setup({ selectedKey: appKey('web') });
    controller.run('scaleUp');
    expect(ui.getState().pendingScale).toEqual({ web: 3 });
    controller.run('scaleUp');
    controller.run('scaleUp');
    expect(ui.getState().pendingScale).toEqual({ web: 5 });
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([['scale', 'web', 3]]);

    calls[0]!.resolve(3);
    await settle();
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['scale', 'web', 3],
      ['scale', 'web', 5],
    ]);
    expect(inFlight()).toHaveLength(1);
    expect(ui.getState().pendingScale).toEqual({ web: 5 });

    calls[1]!.resolve(5);
    await settle();
    expect(calls).toHaveLength(2);
    expect(ui.getState().pendingScale).toEqual({});
    expect(ui.getState().notice).toMatchObject({ level: 'info', text: 'web scaled to 5' });
  });

  it('scales the app of the selected instance, down to no fewer than one instance', async () => {
    const { ui, controller, calls } = setup({ selectedKey: instanceKey('api', 1) });
    controller.run('scaleDown');
    controller.run('scaleDown');
    controller.run('scaleDown');
    expect(ui.getState().pendingScale).toEqual({ api: 1 });
    expect(calls.map((c) => c.args)).toEqual([['api', 1]]);
    calls[0]!.resolve(1);
    await settle();
    expect(calls).toHaveLength(1);
    expect(ui.getState().pendingScale).toEqual({});
  });

  it('turns a failed scale into an error notice and drops the pending target', async () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('web') });
    controller.run('scaleUp');
    calls[0]!.reject(new Error('port range 3000-3001 has no room for 3 instances'));
    await settle();
    expect(ui.getState().pendingScale).toEqual({});
    expect(ui.getState().notice).toMatchObject({ level: 'error', text: 'scale web: port range 3000-3001 has no room for 3 instances' });
    controller.run('scaleUp');
    expect(calls).toHaveLength(2);
  });

  it('without a connection says so and leaves no pending target behind', () => {
    const { ui, controller, calls } = setup({ selectedKey: appKey('web') }, false);
    controller.run('scaleUp');
    expect(calls).toHaveLength(0);
    expect(ui.getState().pendingScale).toEqual({});
    expect(ui.getState().notice).toMatchObject({ level: 'error' });
    expect(ui.getState().notice?.text).toContain('not connected');
  });

  it('drops a target it can no longer send when the connection goes while a call is in flight', async () => {
    const { ui, controller, calls, link } = setup({ selectedKey: appKey('web') });
    controller.run('scaleUp');
    controller.run('scaleUp');
    link.connected = false;
    calls[0]!.resolve(3);
    await settle();
    expect(calls).toHaveLength(1);
    expect(ui.getState().pendingScale).toEqual({});
    expect(ui.getState().notice?.text).toContain('not connected');
  });
});
