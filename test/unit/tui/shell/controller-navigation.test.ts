import { describe, expect, it } from 'vitest';
import { appKey, instanceKey } from '../../../../src/tui/state/grid-rows.js';
import { buildTopology } from '../../../../src/tui/topology/build-topology.js';
import { setup } from './controller-setup.js';

describe('Controller: navigation', () => {
  it('moves the selection and clamps it', () => {
    const { ui, controller } = setup();
    controller.run('down');
    expect(ui.getState().selectedKey).toBe(instanceKey('api', 0));
    controller.run('pageDown');
    expect(ui.getState().selectedKey).toBe(instanceKey('web', 1));
    controller.run('down');
    expect(ui.getState().selectedKey).toBe(instanceKey('web', 1));
    controller.run('pageUp');
    controller.run('up');
    expect(ui.getState().selectedKey).toBe(appKey('api'));
  });

  it('collapses and expands the selected app', () => {
    const { ui, controller } = setup({ selectedKey: appKey('web') });
    controller.run('toggleApp');
    expect(ui.getState().collapsed).toEqual({ web: true });
    controller.run('toggleApp');
    expect(ui.getState().collapsed).toEqual({});
  });

  it('Esc closes the help first, then the filter, then the log focus', () => {
    const { ui, controller } = setup({ showHelp: true, editing: 'filter', filter: 'we', focus: 'logs' });
    controller.run('back');
    expect(ui.getState()).toMatchObject({ showHelp: false, editing: 'filter', filter: 'we', focus: 'logs' });
    controller.run('back');
    expect(ui.getState()).toMatchObject({ showHelp: false, editing: undefined, filter: '', focus: 'logs' });
    controller.run('back');
    expect(ui.getState().focus).toBe('grid');
  });

  it('Esc in another view goes back to the grid', () => {
    const { ui, controller } = setup({ view: 'compare' });
    controller.run('back');
    expect(ui.getState().view).toBe('grid');
  });

  it('Tab cycles grid, topology, compare and back to grid', () => {
    const { ui, controller } = setup({ focus: 'logs' });
    const seen: string[] = [];
    for (let k = 0; k < 3; k++) {
      controller.run('nextView');
      seen.push(ui.getState().view);
    }
    expect(seen).toEqual(['topology', 'compare', 'grid']);
    expect(ui.getState().focus).toBe('grid');
  });

  it('Enter on a topology instance row jumps to that instance in the grid, expanding its app', () => {
    const { ui, controller } = setup({ view: 'topology', collapsed: { api: true } });
    const model = buildTopology(ui.getState().mirror.apps);
    const row = model.rows.findIndex((r) => r.kind === 'instance' && r.app === 'api' && r.instance === 1);
    expect(row).toBeGreaterThan(0);
    ui.setState({ topologySelected: row });
    controller.run('toggleApp');
    expect(ui.getState()).toMatchObject({ view: 'grid', focus: 'grid', selectedKey: instanceKey('api', 1), collapsed: {} });
  });

  it('moves the topology selection with up and down, not the grid selection', () => {
    const { ui, controller } = setup({ view: 'topology', selectedKey: appKey('web') });
    controller.run('down');
    controller.run('down');
    controller.run('up');
    expect(ui.getState().topologySelected).toBe(1);
    expect(ui.getState().selectedKey).toBe(appKey('web'));
  });

  it('types into the filter, keeps the selection on a visible row, and Enter keeps the filter', () => {
    const { ui, controller } = setup({ selectedKey: instanceKey('api', 0) });
    controller.run('filter');
    expect(ui.getState().editing).toBe('filter');
    for (const input of 'web-') controller.type({ input });
    controller.type({ input: 'x' });
    controller.type({ input: '', backspace: true });
    expect(ui.getState().filter).toBe('web-');
    expect(ui.getState().selectedKey).toBe(appKey('web'));
    controller.type({ input: '\r', enter: true });
    expect(ui.getState()).toMatchObject({ editing: undefined, filter: 'web-' });
  });

  it('toggles help, faults only and the details pane, and quits', () => {
    const { ui, controller, quits } = setup();
    controller.run('help');
    controller.run('faultsOnly');
    controller.run('details');
    expect(ui.getState()).toMatchObject({ showHelp: true, faultsOnly: true, bottom: 'details' });
    controller.run('focusLogs');
    expect(ui.getState()).toMatchObject({ focus: 'logs', bottom: 'logs' });
    controller.run('quit');
    expect(quits()).toBe(1);
  });
});
