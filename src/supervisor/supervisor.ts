import { ConfigError } from '../config/errors.js';
import type { AppSpec, AutoscaleSpec, PortSpec } from '../config/spec.js';
import { checkPortConflicts } from '../config/validate-ports.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { describePortInUse } from '../lib/port-holder.js';
import { isPortFree } from '../lib/port-probe.js';
import type { SupervisorContext } from './context.js';
import { Autoscaler } from './autoscale/autoscaler.js';
import { AppExistsError, InstanceRangeError, ScaleError, UnknownAppError } from './errors.js';
import { HealthMonitor } from './health-monitor.js';
import { InstanceLifecycle } from './instance-lifecycle.js';
import { InstanceLogs } from './instance-logs.js';
import { LoadBalancerSync } from './load-balancer/lb-sync.js';
import { MetricsMonitor } from './metrics-monitor.js';
import { createPortAssigner, type PortProbe } from './port-assigner.js';
import { fixedPort } from './port-plan.js';
import { processSpawner, type Spawner } from './spawner.js';
import { createSupervisorStore, newInstance, withApp, withAppStatus, withoutApp, type SupervisorStore } from './store.js';
import type { AppState, InstanceState } from './types.js';

export interface SupervisorOptions {
  /** $PMDAEMON_HOME: logs go under `<home>/logs`. */
  home: string;
  clock?: Clock;
  spawner?: Spawner;
  /** The environment instances inherit (design §3); defaults to this process's. */
  baseEnv?: NodeJS.ProcessEnv;
  /** Metrics sample period; 0 turns sampling off. Default 1000 ms. */
  metricsIntervalMs?: number;
  portProbe?: PortProbe;
  /** Where background failures go (load-balancer reloads, autoscale errors): the daemon log. */
  log?: (line: string) => void;
}

/** What persistence kept of an app: port assignments and desired state, by instance id. */
export interface RestoredApp {
  ports: readonly (number | undefined)[];
  desired: readonly InstanceState['desired'][];
}

export interface Target {
  instance?: number;
}

/** Runs apps as clusters of instances; every change lands in `store` (design §2). */
export class Supervisor {
  readonly store: SupervisorStore;
  readonly logs: InstanceLogs;
  private readonly lifecycle: InstanceLifecycle;
  private readonly metrics: MetricsMonitor;
  private readonly health: HealthMonitor;
  private readonly loadBalancers: LoadBalancerSync;
  private readonly autoscaler: Autoscaler;

  constructor(options: SupervisorOptions) {
    const clock = options.clock ?? systemClock;
    this.store = createSupervisorStore(clock.now());
    this.logs = new InstanceLogs(options.home, this.store);
    this.loadBalancers = new LoadBalancerSync({ store: this.store, clock, ...(options.log ? { log: options.log } : {}) });
    const ctx: SupervisorContext = {
      store: this.store,
      clock,
      spawner: options.spawner ?? processSpawner,
      baseEnv: options.baseEnv ?? process.env,
      logs: this.logs,
      ports: createPortAssigner(this.store, options.portProbe ?? { isPortFree, describePortInUse }),
      drain: (app, id, why) => this.loadBalancers.drain(app, id, why),
    };
    this.lifecycle = new InstanceLifecycle(ctx);
    const log = options.log ? { log: options.log } : {};
    this.autoscaler = new Autoscaler({ store: this.store, clock, scale: (app, count) => this.scale(app, count), ...log });
    this.metrics = new MetricsMonitor(this.store, this.lifecycle, clock, options.metricsIntervalMs ?? 1000, () => this.autoscaler.evaluate());
    this.health = new HealthMonitor(this.store, this.lifecycle, clock, ctx.baseEnv);
    this.metrics.start();
    this.loadBalancers.start();
  }

  /** Registers an app and starts all its instances; resolves when each is online or failed. */
  async addApp(spec: AppSpec): Promise<void> {
    this.assertAddable(spec);
    const instances = Array.from({ length: spec.instances }, (_, id) => newInstance(spec.name, id));
    this.store.setState((s) => withApp(s, spec, instances), true);
    await this.startApp(spec.name);
  }

  /** Registers an app saved by an earlier daemon with its ports and desired states, and starts the instances meant to run. */
  async restoreApp(spec: AppSpec, saved: RestoredApp): Promise<void> {
    this.assertAddable(spec);
    const desired = (id: number): InstanceState['desired'] => saved.desired[id] ?? 'running';
    const instances = Array.from({ length: spec.instances }, (_, id) => ({ ...newInstance(spec.name, id), desired: desired(id) }));
    const ports = Array.from({ length: spec.instances }, (_, id) => saved.ports[id]);
    this.store.setState((s) => ({ ...withApp(s, spec, instances), ports: { ...s.ports, [spec.name]: ports } }), true);
    const running = instances.filter((i) => i.desired === 'running').map((i) => i.id);
    await Promise.all(running.map((id) => this.lifecycle.start(spec.name, id)));
  }

  async startApp(name: string, target: Target = {}): Promise<void> {
    await Promise.all(this.ids(name, target).map((id) => this.lifecycle.start(name, id)));
  }

  async stopApp(name: string, target: Target = {}): Promise<void> {
    await Promise.all(this.ids(name, target).map((id) => this.lifecycle.stop(name, id)));
  }

  async restartApp(name: string, target: Target = {}): Promise<void> {
    await Promise.all(this.ids(name, target).map((id) => this.lifecycle.restart(name, id)));
  }

  /** Stops every instance of the app and forgets it (its log files stay). */
  async deleteApp(name: string): Promise<void> {
    const ids = this.ids(name, {});
    await Promise.all(ids.map((id) => this.lifecycle.remove(name, id)));
    this.store.setState((s) => withoutApp(s, name), true);
    this.logs.forget(name);
  }

  /** Moves the app to `count` instances; scaling down removes the highest ids first. */
  async scale(name: string, count: number, options: { port?: PortSpec } = {}): Promise<void> {
    if (options.port) this.changePorts(name, options.port, count);
    const app = this.app(name);
    if (!Number.isInteger(count) || count < 1) {
      throw new ScaleError(`cannot scale "${name}" to ${count}: give a whole number of instances, at least 1 (use stop to stop them all)`);
    }
    const current = app.instances.length;
    if (count > current) {
      fixedPort(name, app.spec.port, count - 1); // throws when the range is too small, before anything changes
      const added = Array.from({ length: count - current }, (_, k) => newInstance(name, current + k));
      this.setApp({ ...app.spec, instances: count }, [...app.instances, ...added]);
      await Promise.all(added.map((i) => this.lifecycle.start(name, i.id)));
      return;
    }
    const removed = app.instances.slice(count).map((i) => i.id);
    await Promise.all(removed.map((id) => this.lifecycle.remove(name, id)));
    const now = this.app(name);
    this.setApp({ ...now.spec, instances: count }, now.instances.slice(0, count));
    this.store.setState((s) => ({ ...s, ports: { ...s.ports, [name]: (s.ports[name] ?? []).slice(0, count) } }), true);
  }

  /**
   * Gives an app a new port setting before a scale. Checked first (the count fits, no other app's
   * ports); running instances keep their ports until they restart, then take the new ones.
   */
  private changePorts(name: string, port: PortSpec, count: number): void {
    const app = this.app(name);
    if (count >= 1) fixedPort(name, port, count - 1); // throws when the new range is too small
    const spec = { ...app.spec, port };
    const others = Object.values(this.store.getState().apps).filter((a) => a.spec.name !== name).map((a) => a.spec);
    const conflicts = checkPortConflicts([spec], others);
    if (conflicts.length > 0) throw new ConfigError(conflicts.join('\n'), { app: name, field: 'port' });
    this.setApp(spec, app.instances);
    const running = app.instances.map((i) => (i.pid === undefined ? undefined : i.port));
    this.store.setState((s) => ({ ...s, ports: { ...s.ports, [name]: running } }), true);
  }

  /** Turns autoscaling on with these settings, or off with null; the settings live in the (persisted) spec. */
  setAutoscale(name: string, settings: AutoscaleSpec | null): void {
    const app = this.app(name);
    if (settings) fixedPort(name, app.spec.port, settings.max - 1); // the port range must hold max instances
    const { autoscale: _old, ...rest } = app.spec;
    const spec: AppSpec = settings ? { ...rest, autoscale: settings } : rest;
    this.store.setState((s) => {
      const next = withApp(s, spec, s.apps[name]?.instances ?? app.instances);
      return settings ? next : withAppStatus(next, name, { autoscale: undefined });
    }, true);
  }

  /** Resolves once the app's load-balancer file lists exactly its ready instances (at once without one). */
  loadBalancerSettled(name: string): Promise<void> {
    return this.loadBalancers.settled(name);
  }

  /** Stops every instance of every app (kill_timeout honoured) and all monitoring. */
  async shutdown(): Promise<void> {
    this.metrics.stop();
    this.health.stop();
    this.autoscaler.stop();
    await this.autoscaler.settled();
    const names = Object.keys(this.store.getState().apps);
    await Promise.all(names.map((name) => this.stopApp(name)));
    this.loadBalancers.stop();
    this.logs.closeAll();
  }

  /** Forces a metrics sample now (the periodic one keeps running). */
  sampleMetrics(): void {
    this.metrics.sampleOnce();
  }

  private assertAddable(spec: AppSpec): void {
    const { apps } = this.store.getState();
    if (apps[spec.name]) throw new AppExistsError(spec.name);
    const conflicts = checkPortConflicts([spec], Object.values(apps).map((a) => a.spec));
    if (conflicts.length > 0) throw new ConfigError(conflicts.join('\n'), { app: spec.name, field: 'port' });
  }

  private app(name: string): AppState {
    const { apps } = this.store.getState();
    const app = apps[name];
    if (!app) throw new UnknownAppError(name, Object.keys(apps));
    return app;
  }

  private ids(name: string, target: Target): number[] {
    const app = this.app(name);
    if (target.instance === undefined) return app.instances.map((i) => i.id);
    if (!app.instances[target.instance]) throw new InstanceRangeError(name, target.instance, app.instances.length);
    return [target.instance];
  }

  private setApp(spec: AppSpec, instances: AppState['instances']): void {
    this.store.setState((s) => withApp(s, spec, instances), true);
  }
}
