import { renderLoadBalancer } from '../../lb/render.js';
import { runReloadCommand } from '../../lb/run-reload.js';
import { upstreamServers, type LbServer } from '../../lb/servers.js';
import { writeFileIfChanged } from '../../lb/write-file.js';
import type { Clock, Timer } from '../../lib/clock.js';
import { probeTcp } from '../health/index.js';
import { KeptInUpstream } from './kept-in-upstream.js';
import { withAppStatus, type SupervisorStore } from '../store.js';
import type { AppState } from '../types.js';

const LISTEN_PROBE_MS = 300;
const LISTEN_RETRY_MS = 100;
const LISTEN_RETRY_MAX_MS = 2000;

export interface LbSyncOptions {
  store: SupervisorStore;
  clock: Clock;
  /** Where failures are reported besides the app's status (the daemon log). */
  log?: (line: string) => void;
}

/**
 * Keeps each app's `load_balancer.file` in step with its live instances (issue 5 §3): rewrites
 * it atomically and runs `reload_cmd` whenever the set of servers changes, one sync at a time per
 * app, and takes an instance out (`drain`) before it is stopped on purpose.
 */
export class LoadBalancerSync {
  /** Instances being drained, by app: id → the pid that must get no new traffic. */
  private readonly drained = new Map<string, Map<number, number | undefined>>();
  private readonly kept = new KeptInUpstream();
  /** The per-app chain of syncs and the one queued but not started (changes coalesce into it). */
  private readonly tail = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();
  /** What each app's file was last asked to hold, so store changes that do not move it cost nothing. */
  private readonly wanted = new Map<string, string>();
  /** Instances seen accepting connections, by app: id → pid (apps without a health check). */
  private readonly confirmed = new Map<string, Map<number, number | undefined>>();
  private readonly retries = new Map<string, Timer>();
  private readonly attempts = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: LbSyncOptions) {}

  /** Watches the store; every change of an app's upstream servers leads to one sync. */
  start(): void {
    const { store } = this.options;
    this.unsubscribe = store.subscribe((state) => {
      for (const app of Object.values(state.apps)) {
        if (!app.spec.loadBalancer?.file) continue;
        const key = this.key(app);
        if (this.wanted.get(app.spec.name) === key) continue;
        this.wanted.set(app.spec.name, key);
        void this.sync(app.spec.name);
      }
      for (const name of this.wanted.keys()) if (!state.apps[name]) this.forget(name);
    });
    for (const app of Object.values(store.getState().apps)) if (app.spec.loadBalancer?.file) void this.sync(app.spec.name);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const timer of this.retries.values()) this.options.clock.clearTimeout(timer);
    this.retries.clear();
  }

  /** Takes the instance out of its app's upstream and resolves once the file is rewritten and reloaded. */
  async drain(app: string, id: number, why: 'stop' | 'restart' = 'stop'): Promise<void> {
    const state = this.options.store.getState().apps[app];
    if (!state?.spec.loadBalancer?.file) return;
    if (why === 'restart' && state.spec.loadBalancer.drainOnRestart === false) {
      this.kept.keep(app, id, state.instances[id]?.pid);
      return;
    }
    let ids = this.drained.get(app);
    if (!ids) this.drained.set(app, (ids = new Map()));
    ids.set(id, state.instances[id]?.pid);
    this.wanted.set(app, this.key(state));
    await this.sync(app);
  }

  /** Resolves once the file holds the app's current servers (a sync that started after this call ended). */
  settled(app: string): Promise<void> {
    return this.options.store.getState().apps[app]?.spec.loadBalancer?.file ? this.sync(app) : Promise.resolve();
  }

  private sync(app: string): Promise<void> {
    const queued = this.queued.get(app);
    if (queued) return queued;
    const run = (this.tail.get(app) ?? Promise.resolve()).then(() => {
      this.queued.delete(app);
      return this.syncNow(app);
    });
    this.queued.set(app, run);
    this.tail.set(app, run);
    return run;
  }

  private async syncNow(name: string): Promise<void> {
    const { store, clock } = this.options;
    const app = store.getState().apps[name];
    const lb = app?.spec.loadBalancer;
    if (!app || !lb?.file) return;
    const kept = this.kept.servers(app);
    const servers = merge(await this.listening(app, upstreamServers(app, this.excluded(app))), kept);
    let error: string | undefined;
    let attempted = false;
    try {
      attempted = await writeFileIfChanged(lb.file, renderLoadBalancer(lb, servers));
      if (attempted && lb.reloadCmd) {
        const reload = await runReloadCommand(lb.reloadCmd, { cwd: app.spec.cwd });
        if (!reload.ok) error = reload.message;
      }
    } catch (cause) {
      attempted = true;
      error = (cause as Error).message;
    }
    if (error) this.options.log?.(`load balancer of "${name}": ${error}`);
    // An unchanged file is not rewritten nor reloaded: the last outcome (and its error) stands.
    const previous = attempted ? undefined : store.getState().apps[name]?.loadBalancer?.error;
    const lastError = error ?? previous;
    const status = { ports: servers.map((s) => s.port), syncedAt: clock.now(), ...(lastError ? { error: lastError } : {}) };
    store.setState((s) => withAppStatus(s, name, { loadBalancer: status }), true);
  }

  /**
   * Without a health check, "online" only means spawned: an instance joins once its port accepts
   * connections (else nginx would count refusals against it). The others are retried shortly.
   */
  private async listening(app: AppState, servers: LbServer[]): Promise<LbServer[]> {
    if (app.spec.healthCheck) return servers;
    const name = app.spec.name;
    let known = this.confirmed.get(name);
    if (!known) this.confirmed.set(name, (known = new Map()));
    const pidOf = (id: number): number | undefined => app.instances[id]?.pid;
    const checks = await Promise.all(
      servers.map(async (s) => known.get(s.id) === pidOf(s.id) || (await probeTcp(s.host, s.port, LISTEN_PROBE_MS)).ok),
    );
    for (const [k, s] of servers.entries()) if (checks[k]) known.set(s.id, pidOf(s.id));
    const waiting = checks.includes(false);
    const attempt = waiting ? (this.attempts.get(name) ?? 0) + 1 : 0;
    this.attempts.set(name, attempt);
    if (waiting && !this.retries.has(name)) {
      // An app that never listens is probed ever more rarely, not 10 times a second forever.
      const delay = Math.min(LISTEN_RETRY_MS * 1.5 ** (attempt - 1), LISTEN_RETRY_MAX_MS);
      const timer = this.options.clock.setTimeout(() => {
        this.retries.delete(name);
        void this.sync(name);
      }, delay);
      this.retries.set(name, timer);
    }
    return servers.filter((_, k) => checks[k]);
  }

  /** The drained instances that still run the process that was drained; the others are forgotten. */
  private excluded(app: AppState): Set<number> {
    const ids = this.drained.get(app.spec.name);
    const out = new Set<number>();
    if (!ids) return out;
    for (const [id, pid] of ids) {
      if (app.instances[id]?.pid === pid && pid !== undefined) out.add(id);
      else if (app.instances[id]?.status !== 'stopping') ids.delete(id);
    }
    return out;
  }

  private key(app: AppState): string {
    const ports = merge(upstreamServers(app, this.excluded(app)), this.kept.servers(app)).map((s) => `${s.host}:${s.port}`);
    return `${ports.join(',')}|${JSON.stringify(app.spec.loadBalancer)}`;
  }

  private forget(app: string): void {
    this.wanted.delete(app);
    this.drained.delete(app);
    this.kept.forget(app);
    this.confirmed.delete(app);
    const timer = this.retries.get(app);
    if (timer !== undefined) this.options.clock.clearTimeout(timer);
    this.retries.delete(app);
    this.attempts.delete(app);
    this.tail.delete(app);
    this.queued.delete(app);
  }
}

/** The servers of both lists, once each, by port. */
function merge(servers: LbServer[], kept: LbServer[]): LbServer[] {
  const ids = new Set(servers.map((s) => s.id));
  return [...servers, ...kept.filter((s) => !ids.has(s.id))].sort((a, b) => a.port - b.port);
}
