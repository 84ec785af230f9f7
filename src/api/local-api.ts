import type { AppSpec } from '../config/spec.js';
import { parsePort } from '../config/validate-ports.js';
import { InstanceRangeError, ScaleError, UnknownAppError } from '../supervisor/errors.js';
import { instanceCommand } from '../supervisor/instance-command.js';
import { buildInstanceEnv } from '../supervisor/instance-env.js';
import { rollingReload } from '../supervisor/rolling-reload.js';
import { rollingRestart } from '../supervisor/rolling-restart.js';
import type { Supervisor } from '../supervisor/supervisor.js';
import { AppRunningError } from './api-errors.js';
import { appStats } from './app-stats.js';
import { autoscaleProblem } from './check-autoscale.js';
import { toProcessRow } from './process-row.js';
import { subscribe, type RollingListener } from './subscription.js';
import type { InstanceInfo, LogLine, RollingProgress, SupervisorApi, Target } from './types.js';

export interface LocalApiOptions {
  home: string;
  version: string;
  /** The environment instances inherit; defaults to this process's. */
  baseEnv?: NodeJS.ProcessEnv;
}

/** SupervisorApi over a Supervisor in this process: what the daemon serves and `up --tui` uses. */
export function createLocalApi(sup: Supervisor, options: LocalApiOptions): SupervisorApi {
  const baseEnv = options.baseEnv ?? process.env;
  const rollingListeners = new Set<RollingListener>();
  const rollouts = new Map<string, AbortController>();
  const state = () => sup.store.getState();

  const appNames = (target: Target): string[] => {
    const names = Object.keys(state().apps);
    if (target.app === 'all') return names;
    if (!state().apps[target.app]) throw new UnknownAppError(target.app, names);
    return [target.app];
  };
  const each = async (target: Target, act: (app: string) => Promise<void>): Promise<void> => {
    const names = appNames(target);
    if (target.instance !== undefined && target.app === 'all') throw new UnknownAppError('all --instance', names);
    await Promise.all(names.map(act));
  };
  const instanceTarget = (target: Target) => (target.instance === undefined ? {} : { instance: target.instance });
  /** Runs one rollout of an app, abortable by abortRolling, its progress sent to subscribers. */
  const rollout = async (app: string, run: (signal: AbortSignal, emit: (step: RollingProgress) => void) => Promise<void>): Promise<void> => {
    const abort = new AbortController();
    rollouts.set(app, abort);
    const emit = (step: RollingProgress): void => {
      for (const listener of rollingListeners) listener(app, step);
    };
    try {
      await run(abort.signal, emit);
      emit({ instance: -1, phase: 'done' });
    } catch (error) {
      emit({ instance: -1, phase: 'failed', detail: (error as Error).message });
      throw error;
    } finally {
      if (rollouts.get(app) === abort) rollouts.delete(app);
    }
  };

  return {
    async info() {
      return { version: options.version, pid: process.pid, startedAt: state().startedAt, home: options.home };
    },
    async listProcesses() {
      const now = Date.now();
      return Object.values(state().apps).flatMap((app) => app.instances.map((i) => toProcessRow(app.spec, i, now, app.autoscale)));
    },
    async start(specs: AppSpec[]) {
      for (const spec of specs) {
        const app = state().apps[spec.name];
        if (app?.instances.some((i) => i.status !== 'stopped' && i.status !== 'errored')) throw new AppRunningError(spec.name);
      }
      for (const spec of specs) {
        if (state().apps[spec.name]) await sup.startApp(spec.name);
        else await sup.addApp(spec);
      }
      return specs.map((s) => s.name);
    },
    startApps: (target) => each(target, (app) => sup.startApp(app, instanceTarget(target))),
    stop: (target) => each(target, (app) => sup.stopApp(app, instanceTarget(target))),
    async restart(target, restartOptions = {}) {
      if (!restartOptions.rolling) return each(target, (app) => sup.restartApp(app, instanceTarget(target)));
      const { batch, timeoutMs } = restartOptions;
      for (const app of appNames(target)) await rollout(app, (signal, emit) => rollingRestart(sup, app, { signal, batch, timeoutMs }, emit));
    },
    async reload(app, reloadOptions = {}) {
      appNames({ app });
      const { instances, batch, timeoutMs } = reloadOptions;
      if (instances !== undefined && (!Number.isInteger(instances) || instances < 1)) {
        throw new ScaleError(`cannot reload "${app}" to ${instances} instances: give a whole number, at least 1`);
      }
      await rollout(app, (signal, emit) => rollingReload(sup, app, { signal, batch, timeoutMs, instances }, emit));
    },
    async autoscale(app, settings) {
      appNames({ app });
      const problem = settings ? autoscaleProblem(settings) : undefined;
      if (problem) throw new ScaleError(`cannot autoscale "${app}": ${problem}`);
      sup.setAutoscale(app, settings);
    },
    async abortRolling(app) {
      const rollout = rollouts.get(app);
      rollout?.abort();
      return rollout !== undefined;
    },
    async delete(target) {
      const names = appNames(target);
      await Promise.all(names.map((app) => sup.deleteApp(app)));
      return names;
    },
    async scale(app, count, scaleOptions = {}) {
      const current = state().apps[app]?.instances.length ?? appNames({ app }).length;
      const next = scaleOptions.relative ? current + count : count;
      await sup.scale(app, next, scaleOptions.port === undefined ? {} : { port: parsePort(scaleOptions.port) });
      return next;
    },
    async describe(target) {
      const now = Date.now();
      const infos: InstanceInfo[] = [];
      for (const name of appNames(target)) {
        const app = state().apps[name]!;
        const ids = target.instance === undefined ? app.instances.map((i) => i.id) : [target.instance];
        for (const id of ids) {
          const i = app.instances[id];
          if (!i) throw new InstanceRangeError(name, id, app.instances.length);
          const vars = { id, port: i.port };
          infos.push({
            row: toProcessRow(app.spec, i, now, app.autoscale),
            ...(app.autoscale ? { autoscale: app.autoscale } : {}),
            ...(app.loadBalancer ? { loadBalancer: app.loadBalancer } : {}),
            spec: app.spec,
            env: buildInstanceEnv(baseEnv, app.spec, vars),
            command: instanceCommand(app.spec, vars),
            logs: sup.logs.paths(name, id),
            lastHealth: i.lastHealth ?? null,
            exits: i.exits,
          });
        }
      }
      return infos;
    },
    async stats(app) {
      appNames({ app });
      return appStats(state().apps[app]!, Date.now());
    },
    async logs(query) {
      appNames({ app: query.app });
      const app = state().apps[query.app]!;
      if (query.instance !== undefined && !app.instances[query.instance]) throw new InstanceRangeError(query.app, query.instance, app.instances.length);
      const ids = query.instance === undefined ? app.instances.map((i) => i.id) : [query.instance];
      const streams = query.stream === undefined || query.stream === 'both' ? (['out', 'err'] as const) : [query.stream];
      const out: LogLine[] = [];
      for (const id of ids) {
        for (const stream of streams) {
          for (const line of sup.logs.lines(query.app, id, stream, query.lines ?? 20)) out.push({ app: query.app, instance: id, stream, line });
        }
      }
      return out;
    },
    subscribe(onEvent, subscribeOptions) {
      const onRolling = (listener: RollingListener) => {
        rollingListeners.add(listener);
        return () => rollingListeners.delete(listener);
      };
      return subscribe({ store: sup.store, logs: sup.logs, onRolling }, onEvent, subscribeOptions);
    },
    async close() {},
  };
}
