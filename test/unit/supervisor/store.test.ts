import { describe, expect, it } from 'vitest';
import {
  createSupervisorStore,
  getApp,
  getInstance,
  newInstance,
  withApp,
  withInstance,
  withoutApp,
  withPort,
} from '../../../src/supervisor/store.js';
import type { SupervisorState } from '../../../src/supervisor/types.js';
import { makeSpec } from '../../helpers/make-spec.js';

/** Freezes `value` and everything it reaches, so any mutation throws in strict-mode code. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A frozen state with app "web" (2 instances, ports 3000/3001) and app "api" (1 instance). */
function frozenState(): SupervisorState {
  let state = createSupervisorStore(1000).getState();
  state = withApp(state, makeSpec({ name: 'web', instances: 2 }), [newInstance('web', 0), newInstance('web', 1)]);
  state = withApp(state, makeSpec({ name: 'api' }), [newInstance('api', 0)]);
  state = withPort(withPort(state, 'web', 0, 3000), 'web', 1, 3001);
  return deepFreeze(state);
}

describe('createSupervisorStore', () => {
  it('starts with no apps, no ports and the given start time', () => {
    expect(createSupervisorStore(1234).getState()).toEqual({ apps: {}, ports: {}, startedAt: 1234 });
  });

  it('gives every call its own store', () => {
    const a = createSupervisorStore(0);
    const b = createSupervisorStore(0);
    a.setState((s) => withApp(s, makeSpec(), [newInstance('web', 0)]), true);
    expect(Object.keys(b.getState().apps)).toEqual([]);
  });
});

describe('newInstance', () => {
  it('is a stopped instance that is meant to run, with no history', () => {
    expect(newInstance('web', 3)).toMatchObject({
      app: 'web',
      id: 3,
      status: 'stopped',
      desired: 'running',
      restarts: 0,
      unstableRestarts: 0,
      health: 'unknown',
      history: [],
      exits: [],
    });
  });

  it('is serialisable as plain JSON', () => {
    const instance = newInstance('web', 0);
    expect(JSON.parse(JSON.stringify(instance))).toEqual(instance);
  });
});

describe('withApp', () => {
  it('adds an app without mutating the state it was given', () => {
    const state = frozenState();
    const before = structuredClone(state);
    const next = withApp(state, makeSpec({ name: 'jobs' }), [newInstance('jobs', 0)]);
    expect(state).toEqual(before);
    expect(next).not.toBe(state);
    expect(Object.keys(next.apps).sort()).toEqual(['api', 'jobs', 'web']);
    expect(next.apps.web).toBe(state.apps.web);
  });

  it('replaces an app of the same name', () => {
    const state = frozenState();
    const next = withApp(state, makeSpec({ name: 'web', instances: 1 }), [newInstance('web', 0)]);
    expect(next.apps.web?.instances).toHaveLength(1);
    expect(state.apps.web?.instances).toHaveLength(2);
  });
});

describe('withoutApp', () => {
  it('removes the app and its port assignments, keeping the others', () => {
    const state = frozenState();
    const before = structuredClone(state);
    const next = withoutApp(state, 'web');
    expect(state).toEqual(before);
    expect(Object.keys(next.apps)).toEqual(['api']);
    expect(next.ports).toEqual({});
    expect(next.apps.api).toBe(state.apps.api);
    expect(next.startedAt).toBe(1000);
  });

  it('changes nothing else when the app is unknown', () => {
    const state = frozenState();
    expect(withoutApp(state, 'nope')).toEqual(state);
  });
});

describe('withInstance', () => {
  it('replaces only the changed instance, sharing everything else', () => {
    const state = frozenState();
    const before = structuredClone(state);
    const next = withInstance(state, 'web', 1, (i) => ({ ...i, status: 'online', pid: 42 }));
    expect(state).toEqual(before);
    expect(getInstance(next, 'web', 1)).toMatchObject({ status: 'online', pid: 42 });
    expect(getInstance(next, 'web', 0)).toBe(getInstance(state, 'web', 0));
    expect(next.apps.api).toBe(state.apps.api);
    expect(next.apps.web?.spec).toBe(state.apps.web?.spec);
    expect(next.ports).toBe(state.ports);
  });

  it('passes the current instance to the change', () => {
    const state = frozenState();
    let seen: unknown;
    withInstance(state, 'web', 1, (i) => {
      seen = i;
      return i;
    });
    expect(seen).toBe(getInstance(state, 'web', 1));
  });

  it('returns the very same state for an unknown app or instance, without calling the change', () => {
    const state = frozenState();
    const change = (): never => {
      throw new Error('change must not be called');
    };
    expect(withInstance(state, 'nope', 0, change)).toBe(state);
    expect(withInstance(state, 'web', 2, change)).toBe(state);
    expect(withInstance(state, 'web', -1, change)).toBe(state);
  });
});

describe('withPort', () => {
  it('records a port for one instance without mutating the state or its lists', () => {
    const state = frozenState();
    const before = structuredClone(state);
    const next = withPort(state, 'web', 1, 3999);
    expect(state).toEqual(before);
    expect(next.ports.web).toEqual([3000, 3999]);
    expect(next.apps).toBe(state.apps);
  });

  it('starts a list for an app that has none yet', () => {
    const next = withPort(frozenState(), 'api', 0, 4000);
    expect(next.ports.api).toEqual([4000]);
  });

  it('forgets a port when given undefined', () => {
    const next = withPort(frozenState(), 'web', 0, undefined);
    expect(next.ports.web).toEqual([undefined, 3001]);
  });
});

describe('getApp and getInstance', () => {
  it('find what exists and return undefined for what does not', () => {
    const state = frozenState();
    expect(getApp(state, 'web')?.spec.name).toBe('web');
    expect(getApp(state, 'nope')).toBeUndefined();
    expect(getInstance(state, 'web', 1)?.id).toBe(1);
    expect(getInstance(state, 'web', 9)).toBeUndefined();
    expect(getInstance(state, 'nope', 0)).toBeUndefined();
  });
});
