import { describe, expect, it } from 'vitest';
import { createSupervisorStore, newInstance, withApp, withInstance, withoutApp, withPort } from '../../../src/supervisor/store.js';
import { instanceTransitions } from '../../../src/supervisor/transitions.js';
import type { SupervisorState } from '../../../src/supervisor/types.js';
import { makeSpec } from '../../helpers/make-spec.js';

function twoInstances(): SupervisorState {
  const empty = createSupervisorStore(0).getState();
  return withApp(empty, makeSpec({ name: 'web', instances: 2 }), [newInstance('web', 0), newInstance('web', 1)]);
}

describe('instanceTransitions', () => {
  it('reports nothing when the apps are the same object', () => {
    const state = twoInstances();
    expect(instanceTransitions(state, { ...state, host: undefined, startedAt: 99 })).toEqual([]);
    expect(instanceTransitions(state, withPort(state, 'web', 0, 3000))).toEqual([]);
  });

  it('does not report instances that were just registered and have not started', () => {
    const prev = createSupervisorStore(0).getState();
    expect(instanceTransitions(prev, twoInstances())).toEqual([]);
  });

  it('reports every instance of a new app once it is past its initial stopped state', () => {
    const prev = createSupervisorStore(0).getState();
    let next = twoInstances();
    for (const id of [0, 1]) next = withInstance(next, 'web', id, (i) => ({ ...i, status: 'starting' }));
    expect(instanceTransitions(prev, next)).toEqual([
      { app: 'web', id: 0, status: 'starting', health: 'unknown', pid: undefined, port: undefined, reason: undefined },
      { app: 'web', id: 1, status: 'starting', health: 'unknown', pid: undefined, port: undefined, reason: undefined },
    ]);
  });

  it('reports an instance added by a scale, and not the ones that stayed', () => {
    const prev = twoInstances();
    const app = prev.apps.web!;
    const next = withApp(prev, app.spec, [...app.instances, { ...newInstance('web', 2), status: 'starting' as const }]);
    expect(instanceTransitions(prev, next).map((t) => t.id)).toEqual([2]);
  });

  it('reports a change of status with the new status, pid, port and reason', () => {
    const prev = twoInstances();
    const next = withInstance(prev, 'web', 1, (i) => ({ ...i, status: 'errored', reason: 'exited with code 1', port: 3001 }));
    expect(instanceTransitions(prev, next)).toEqual([
      { app: 'web', id: 1, status: 'errored', health: 'unknown', pid: undefined, port: 3001, reason: 'exited with code 1' },
    ]);
  });

  it('reports a new pid even when the status stays the same', () => {
    const online = withInstance(twoInstances(), 'web', 0, (i) => ({ ...i, status: 'online', pid: 100 }));
    const next = withInstance(online, 'web', 0, (i) => ({ ...i, pid: 101 }));
    expect(instanceTransitions(online, next)).toMatchObject([{ id: 0, status: 'online', pid: 101 }]);
  });

  it('reports a change of health', () => {
    const prev = twoInstances();
    const next = withInstance(prev, 'web', 0, (i) => ({ ...i, health: 'unhealthy', healthFailures: 3 }));
    expect(instanceTransitions(prev, next)).toMatchObject([{ id: 0, health: 'unhealthy' }]);
  });

  it('does not report metric-only or counter-only changes', () => {
    const prev = twoInstances();
    let next = withInstance(prev, 'web', 0, (i) => ({ ...i, cpu: 55, memory: 1e8, history: [{ at: 1, cpu: 55, memory: 1e8 }] }));
    next = withInstance(next, 'web', 1, (i) => ({ ...i, healthFailures: 1, restarts: 4, lastHealth: { at: 1, ok: false, latencyMs: 3, message: 'x' } }));
    expect(instanceTransitions(prev, next)).toEqual([]);
  });

  it('reports only the instances that changed among several apps', () => {
    const prev = withApp(twoInstances(), makeSpec({ name: 'api' }), [newInstance('api', 0)]);
    let next = withInstance(prev, 'web', 1, (i) => ({ ...i, status: 'starting' }));
    next = withInstance(next, 'api', 0, (i) => ({ ...i, cpu: 3 }));
    expect(instanceTransitions(prev, next).map((t) => `${t.app}-${t.id}:${t.status}`)).toEqual(['web-1:starting']);
  });

  it('reports nothing for an app that was removed', () => {
    const prev = twoInstances();
    expect(instanceTransitions(prev, withoutApp(prev, 'web'))).toEqual([]);
  });
});
