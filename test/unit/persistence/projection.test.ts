import { describe, expect, it } from 'vitest';
import { persistedChanged, projectState } from '../../../src/daemon/persistence/projection.js';
import { createSupervisorStore, newInstance, withApp, withInstance, withPort } from '../../../src/supervisor/store.js';
import type { SupervisorState } from '../../../src/supervisor/types.js';
import { makeSpec } from '../../helpers/make-spec.js';

/** App "web" with 2 instances (ports 3000, 3001; instance 0 running as pid 100) and app "api". */
function baseState(): SupervisorState {
  let state = createSupervisorStore(0).getState();
  state = withApp(state, makeSpec({ name: 'web', instances: 2, port: { kind: 'range', from: 3000, to: 3001 } }), [
    { ...newInstance('web', 0), pid: 100, startedAt: 5, status: 'online' },
    newInstance('web', 1),
  ]);
  state = withApp(state, makeSpec({ name: 'api' }), [newInstance('api', 0)]);
  return withPort(withPort(state, 'web', 0, 3000), 'web', 1, 3001);
}

describe('persistedChanged', () => {
  it('ignores metric ticks, health results, restart counters and status', () => {
    const before = baseState();
    let after = withInstance(before, 'web', 0, (i) => ({ ...i, cpu: 55, memory: 1e6, history: [{ at: 1, cpu: 55, memory: 1e6 }] }));
    after = withInstance(after, 'web', 1, (i) => ({ ...i, health: 'healthy', restarts: 3, status: 'waiting-restart' }));
    after = { ...after, host: { at: 1 } as unknown as SupervisorState['host'] };
    expect(persistedChanged(before, after)).toBe(false);
  });

  it('sees a change of desired state', () => {
    const before = baseState();
    expect(persistedChanged(before, withInstance(before, 'web', 1, (i) => ({ ...i, desired: 'stopped' })))).toBe(true);
  });

  it('sees a new pid and a pid that went away', () => {
    const before = baseState();
    expect(persistedChanged(before, withInstance(before, 'web', 1, (i) => ({ ...i, pid: 200 })))).toBe(true);
    expect(persistedChanged(before, withInstance(before, 'web', 0, (i) => ({ ...i, pid: undefined })))).toBe(true);
  });

  it('sees a port assignment and a port released', () => {
    const before = baseState();
    expect(persistedChanged(before, withPort(before, 'api', 0, 4000))).toBe(true);
    expect(persistedChanged(before, withPort(before, 'web', 1, undefined))).toBe(true);
  });

  it('treats a port list with a trailing hole like the shorter list', () => {
    const before = withPort(baseState(), 'api', 0, 4000);
    const after = { ...before, ports: { ...before.ports, api: [4000, undefined] } };
    expect(persistedChanged(before, after)).toBe(false);
  });

  it('sees a new spec, a scale and an app added or removed', () => {
    const before = baseState();
    const web = before.apps.web!;
    expect(persistedChanged(before, withApp(before, { ...web.spec, env: { A: '1' } }, web.instances))).toBe(true);
    expect(persistedChanged(before, withApp(before, web.spec, [...web.instances, newInstance('web', 2)]))).toBe(true);
    expect(persistedChanged(before, withApp(before, makeSpec({ name: 'db' }), [newInstance('db', 0)]))).toBe(true);
    const { api: _api, ...rest } = before.apps;
    expect(persistedChanged(before, { ...before, apps: rest })).toBe(true);
  });

  it('sees an app replaced by another of the same count', () => {
    const before = baseState();
    const { api: _api, ...rest } = before.apps;
    const after = withApp({ ...before, apps: rest }, makeSpec({ name: 'db' }), [newInstance('db', 0)]);
    expect(persistedChanged(before, after)).toBe(true);
  });
});

describe('projectState', () => {
  it('keeps specs, ports by instance, desired states, pids and their start times', () => {
    let state = withInstance(baseState(), 'web', 1, (i) => ({ ...i, desired: 'stopped' }));
    state = withPort(state, 'web', 0, undefined);
    const asked: Array<[number, number | undefined]> = [];
    const file = projectState(state, {
      now: 42,
      bootId: 'boot-1',
      pidStart: (pid, startedAt) => (asked.push([pid, startedAt]), 777),
    });
    expect(file).toEqual({
      format: 1,
      savedAt: 42,
      killed: false,
      bootId: 'boot-1',
      apps: [
        {
          spec: state.apps.web!.spec,
          ports: [undefined, 3001],
          instances: [
            { desired: 'running', pid: 100, pidStart: 777 },
            { desired: 'stopped', pid: null, pidStart: null },
          ],
        },
        { spec: state.apps.api!.spec, ports: [undefined], instances: [{ desired: 'running', pid: null, pidStart: null }] },
      ],
    });
    expect(asked).toEqual([[100, 5]]);
  });
});
