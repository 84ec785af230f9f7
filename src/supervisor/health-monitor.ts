import type { HealthCheckSpec } from '../config/spec.js';
import type { Clock, Timer } from '../lib/clock.js';
import { nextHealth, probeHttp, probeScript, probeTcp, type ProbeResult } from './health/index.js';
import { failuresIgnored, nextProbeDelay } from './health/probe-schedule.js';
import { interpolate } from './instance-env.js';
import type { InstanceLifecycle } from './instance-lifecycle.js';
import type { SupervisorStore } from './store.js';
import { getInstance, withInstance } from './store.js';

/** Probes each running instance's health_check and restarts instances that turn unhealthy. */
export class HealthMonitor {
  private readonly timers = new Map<string, Timer>();
  private readonly unwatch: () => void;

  constructor(
    private readonly store: SupervisorStore,
    private readonly lifecycle: InstanceLifecycle,
    private readonly clock: Clock,
    private readonly baseEnv: NodeJS.ProcessEnv,
  ) {
    this.unwatch = lifecycle.onProcessChange((app, id, proc) => {
      this.cancel(app, id);
      if (proc) this.schedule(app, id, proc.pid);
    });
  }

  stop(): void {
    this.unwatch();
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(app: string, id: number, pid: number, attempt = 0): void {
    const check = this.store.getState().apps[app]?.spec.healthCheck;
    const instance = getInstance(this.store.getState(), app, id);
    if (!check || !instance) return;
    const delay = nextProbeDelay(check, { health: instance.health, sinceStartMs: this.sinceStart(instance.startedAt), attempt });
    this.timers.set(key(app, id), this.clock.setTimeout(() => void this.probe(app, id, pid, check, attempt), delay));
  }

  private sinceStart(startedAt: number | undefined): number {
    return this.clock.now() - (startedAt ?? 0);
  }

  private cancel(app: string, id: number): void {
    const timer = this.timers.get(key(app, id));
    if (timer !== undefined) this.clock.clearTimeout(timer);
    this.timers.delete(key(app, id));
  }

  private async probe(app: string, id: number, pid: number, check: HealthCheckSpec, attempt: number): Promise<void> {
    const before = getInstance(this.store.getState(), app, id);
    if (!before || before.pid !== pid) return;
    const result = await runProbe(check, { id, port: before.port }, this.store.getState().apps[app]?.spec.cwd ?? '/', this.baseEnv);
    const current = getInstance(this.store.getState(), app, id);
    if (!current || current.pid !== pid) return;
    const inGrace = failuresIgnored(check, { health: current.health, sinceStartMs: this.sinceStart(current.startedAt) });
    const health = nextHealth({ status: current.health, failures: current.healthFailures }, result, { retries: check.retries, inGrace });
    const lastHealth = { at: this.clock.now(), ...result };
    this.store.setState((s) => withInstance(s, app, id, (i) => ({ ...i, health: health.status, healthFailures: health.failures, lastHealth })), true);
    const spec = this.store.getState().apps[app]?.spec;
    if (health.status === 'unhealthy' && current.health !== 'unhealthy' && spec?.autorestart && current.desired === 'running') {
      const reason = `unhealthy: ${health.failures} failed health checks in a row (last: ${result.message})`;
      void this.lifecycle.restart(app, id, 'unhealthy', reason);
      return;
    }
    this.schedule(app, id, pid, attempt + 1);
  }
}

function runProbe(check: HealthCheckSpec, vars: { id: number; port: number | undefined }, cwd: string, baseEnv: NodeJS.ProcessEnv): Promise<ProbeResult> {
  switch (check.type) {
    case 'http':
      return probeHttp(interpolate(check.url ?? '', vars), check.timeoutMs);
    case 'tcp':
      if (vars.port === undefined) return Promise.resolve({ ok: false, latencyMs: 0, message: 'tcp health check needs a port, and this app has none' });
      return probeTcp('127.0.0.1', vars.port, check.timeoutMs);
    case 'script': {
      const env = { ...baseEnv, INSTANCE_ID: String(vars.id), ...(vars.port === undefined ? {} : { PORT: String(vars.port) }) };
      return probeScript(interpolate(check.command ?? 'false', vars), { cwd, env, timeoutMs: check.timeoutMs });
    }
  }
}

function key(app: string, id: number): string {
  return `${app}\u0000${id}`;
}
