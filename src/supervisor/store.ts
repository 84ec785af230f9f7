import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppSpec } from '../config/spec.js';
import type { AppState, InstanceState, SupervisorState } from './types.js';

export type SupervisorStore = StoreApi<SupervisorState>;

/** The single source of truth of a supervisor (design §2): data only, replaced on every change. */
export function createSupervisorStore(startedAt: number): SupervisorStore {
  return createStore<SupervisorState>()(() => ({ apps: {}, ports: {}, startedAt }));
}

export function newInstance(app: string, id: number): InstanceState {
  return {
    app,
    id,
    status: 'stopped',
    desired: 'running',
    restarts: 0,
    unstableRestarts: 0,
    health: 'unknown',
    healthFailures: 0,
    cpu: 0,
    memory: 0,
    history: [],
    exits: [],
  };
}

/** Sets an app's spec and instances; its runtime status (autoscale, load balancer) stays. */
export function withApp(state: SupervisorState, spec: AppSpec, instances: readonly InstanceState[]): SupervisorState {
  return { ...state, apps: { ...state.apps, [spec.name]: { ...state.apps[spec.name], spec, instances } } };
}

/** Applies `change` to an app's runtime status fields; a no-op when the app is gone. */
export function withAppStatus(state: SupervisorState, app: string, change: Partial<Pick<AppState, 'autoscale' | 'loadBalancer'>>): SupervisorState {
  const current = state.apps[app];
  if (!current) return state;
  return { ...state, apps: { ...state.apps, [app]: { ...current, ...change } } };
}

export function withoutApp(state: SupervisorState, name: string): SupervisorState {
  const { [name]: _app, ...apps } = state.apps;
  const { [name]: _ports, ...ports } = state.ports;
  return { ...state, apps, ports };
}

/** Applies `change` to one instance; a no-op when the app or instance is gone. */
export function withInstance(
  state: SupervisorState,
  app: string,
  id: number,
  change: (instance: InstanceState) => InstanceState,
): SupervisorState {
  const current = state.apps[app];
  const instance = current?.instances[id];
  if (!current || !instance) return state;
  const instances = current.instances.slice();
  instances[id] = change(instance);
  return { ...state, apps: { ...state.apps, [app]: { ...current, instances } } };
}

export function withPort(state: SupervisorState, app: string, id: number, port: number | undefined): SupervisorState {
  const list = (state.ports[app] ?? []).slice();
  list[id] = port;
  return { ...state, ports: { ...state.ports, [app]: list } };
}

export function getInstance(state: SupervisorState, app: string, id: number): InstanceState | undefined {
  return state.apps[app]?.instances[id];
}

export function getApp(state: SupervisorState, app: string): AppState | undefined {
  return state.apps[app];
}
