import type { AutoscaleSpec } from '../../config/spec.js';
import type { Clock, Timer } from '../../lib/clock.js';
import { withAppStatus, type SupervisorStore } from '../store.js';
import type { AppState, AutoscaleDecision, AutoscaleStatus } from '../types.js';
import { decideAutoscale, type AutoscaleInput } from './decide.js';
import { windowAverages } from './window.js';

export interface AutoscalerOptions {
  store: SupervisorStore;
  clock: Clock;
  /** Moves an app to `count` instances (the supervisor's scale). */
  scale: (app: string, count: number) => Promise<void>;
  /** One line per change or failure, for the daemon log. */
  log?: (line: string) => void;
}

/**
 * The thin service around decideAutoscale: reads the store, starts at most one scale per app at a
 * time, and records what it measured and decided in `AppState.autoscale`.
 */
export class Autoscaler {
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: Timer | undefined;

  constructor(private readonly options: AutoscalerOptions) {}

  /** Evaluates every autoscaled app once (call after each metrics sample); one store update for all of them. */
  evaluate(): void {
    const now = this.options.clock.now();
    const statuses = new Map<string, AutoscaleStatus>();
    const changes: Array<[string, AutoscaleDecision]> = [];
    for (const app of Object.values(this.options.store.getState().apps)) {
      const spec = app.spec.autoscale;
      const name = app.spec.name;
      if (spec === undefined || this.inFlight.has(name)) continue;
      const { status, change } = evaluateApp(app, spec, now);
      // Every store write is an event to subscribers: none when nothing changed.
      if (!sameStatus(app.autoscale ?? {}, status)) statuses.set(name, status);
      if (change) changes.push([name, change]);
    }
    if (statuses.size > 0) {
      this.options.store.setState((s) => [...statuses].reduce((acc, [app, autoscale]) => withAppStatus(acc, app, { autoscale }), s), true);
    }
    for (const [app, decision] of changes) {
      // Removed only once settled (asynchronously), whatever the scale function does.
      this.inFlight.set(app, this.change(app, decision).finally(() => this.inFlight.delete(app)));
    }
  }

  /** Evaluates every `intervalMs` until stop(); for hosts that do not call evaluate() themselves. */
  start(intervalMs: number): void {
    if (this.timer !== undefined || intervalMs <= 0) return;
    const tick = (): void => {
      this.evaluate();
      this.timer = this.options.clock.setTimeout(tick, intervalMs);
    };
    this.timer = this.options.clock.setTimeout(tick, intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resolves when every scale started so far has finished (for shutdown and tests). */
  async settled(): Promise<void> {
    await Promise.all(this.inFlight.values());
  }

  private async change(app: string, decision: AutoscaleDecision): Promise<void> {
    this.options.log?.(`autoscale ${app}: ${decision.from} → ${decision.to} (${decision.reason})`);
    let outcome = decision;
    try {
      await this.options.scale(app, decision.to);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = { ...decision, reason: `${decision.reason}; scale failed: ${message}` };
      this.options.log?.(`autoscale ${app}: scale to ${decision.to} failed: ${message}`);
    }
    // Cooldown and window start once the new count is in place; a failed attempt starts them too,
    // so a lasting failure is retried once per cooldown rather than on every sample.
    const lastChangeAt = this.options.clock.now();
    this.record(app, (s) => ({ ...s, lastChangeAt, last: outcome }));
  }

  private record(app: string, change: (status: AutoscaleStatus) => AutoscaleStatus): void {
    this.options.store.setState((s) => withAppStatus(s, app, { autoscale: change(s.apps[app]?.autoscale ?? {}) }), true);
  }
}

/** One app's evaluation (pure): its new status, and the change to make, if any. */
function evaluateApp(app: AppState, spec: AutoscaleSpec, now: number): { status: AutoscaleStatus; change?: AutoscaleDecision } {
  const before = app.autoscale ?? {};
  const input: AutoscaleInput = {
    spec,
    count: app.instances.length,
    histories: app.instances.filter((i) => i.status === 'online').map((i) => i.history),
    now,
    ...(before.lastChangeAt === undefined ? {} : { lastChangeAt: before.lastChangeAt }),
  };
  const averages = windowAverages(input);
  const measured: AutoscaleStatus = { ...before, cpu: averages?.cpu, memory: averages?.memory };
  const verdict = decideAutoscale(input);
  if (!verdict) return { status: measured };
  const decision = { at: now, from: input.count, to: verdict.to, reason: verdict.reason };
  if (verdict.changed) return { status: { ...measured, last: decision }, change: decision };
  return { status: repeatsRefusal(before.last, decision) ? measured : { ...measured, last: decision } };
}

/** True when `last` already says the app is held at this count, so the log of decisions is not rewritten every tick. */
function repeatsRefusal(last: AutoscaleDecision | undefined, refusal: AutoscaleDecision): boolean {
  return last !== undefined && last.from === last.to && last.from === refusal.from;
}

function sameStatus(a: AutoscaleStatus, b: AutoscaleStatus): boolean {
  return a.lastChangeAt === b.lastChangeAt && a.last === b.last && a.cpu === b.cpu && a.memory === b.memory;
}

