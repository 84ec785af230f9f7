import type { SupervisorApi, WireApp, WireInstance } from '../../../../src/api/types.js';
import type { AppSpec } from '../../../../src/config/spec.js';
import type { Mirror } from '../../../../src/tui/state/mirror.js';
import { makeSpec } from '../../../helpers/make-spec.js';
import { onlineInstance } from '../../../helpers/online-instance.js';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** An instance as the daemon sends it: online, healthy, with a pid, port and a few samples. */
export function inst(app: string, id: number, overrides: Partial<WireInstance> = {}): WireInstance {
  return onlineInstance(app, id, {
    startedAt: NOW - 65_000,
    health: 'healthy',
    cpu: 12.5,
    memory: 48 * 1024 * 1024,
    history: [
      { at: NOW - 2000, cpu: 10, memory: 47 * 1024 * 1024 },
      { at: NOW - 1000, cpu: 12.5, memory: 48 * 1024 * 1024 },
    ],
    ...overrides,
  });
}

/** An app of `count` online instances on ports from `basePort`; `each` adjusts instance `id`. */
export function app(name: string, count: number, basePort: number, each: (id: number) => Partial<WireInstance> = () => ({})): WireApp {
  const spec: AppSpec = makeSpec({ name, instances: count, port: { kind: 'range', from: basePort, to: basePort + count - 1 } });
  return { spec, instances: Array.from({ length: count }, (_, id) => inst(name, id, { port: basePort + id, ...each(id) })) };
}

/** A mirror as after a snapshot. */
export function mirrorOf(apps: Record<string, WireApp>, seq = 1): Mirror {
  return { apps, host: { cpu: 23, cpus: 4, memUsed: 3 * 1024 ** 3, memTotal: 8 * 1024 ** 3, load: [0.5, 0.42, 0.3] }, startedAt: NOW - 3_600_000, seq };
}

/** Two apps: `api` with two online instances, `web` with one online and one errored. */
export function twoApps(): Record<string, WireApp> {
  return {
    web: app('web', 2, 3000, (id) => (id === 1 ? { status: 'errored', desired: 'running', pid: undefined, reason: 'crashed 15 times', health: 'unknown' } : {})),
    api: app('api', 2, 4000),
  };
}

export interface FakeCall {
  method: string;
  args: unknown[];
  settled: boolean;
  resolve(value?: unknown): void;
  reject(error: Error): void;
}

/** A SupervisorApi whose calls are recorded and stay pending until the test settles them. */
export function fakeApi(): { api: SupervisorApi; calls: FakeCall[]; inFlight(): FakeCall[] } {
  const calls: FakeCall[] = [];
  const record =
    (method: string) =>
    (...args: unknown[]): Promise<never> =>
      new Promise((resolve, reject) => {
        const call: FakeCall = {
          method,
          args,
          settled: false,
          resolve: (value) => {
            call.settled = true;
            resolve(value as never);
          },
          reject: (error) => {
            call.settled = true;
            reject(error);
          },
        };
        calls.push(call);
      });
  const api: SupervisorApi = {
    info: record('info'),
    listProcesses: record('listProcesses'),
    start: record('start'),
    startApps: record('startApps'),
    stop: record('stop'),
    restart: record('restart'),
    abortRolling: record('abortRolling'),
    reload: record('reload'),
    autoscale: record('autoscale'),
    delete: record('delete'),
    scale: record('scale'),
    describe: record('describe'),
    stats: record('stats'),
    logs: record('logs'),
    subscribe: () => () => undefined,
    close: async () => undefined,
  };
  return { api, calls, inFlight: () => calls.filter((c) => !c.settled) };
}

/** Lets settled promises run their callbacks. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
