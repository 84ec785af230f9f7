import type { Clock, Timer } from '../lib/clock.js';
import type { InstanceLifecycle } from './instance-lifecycle.js';
import { memoryLimitExceeded } from './memory-limit.js';
import { createHostSampler, createTreeSampler, pushHistory, type TreeSample } from './metrics/index.js';
import type { SupervisorStore } from './store.js';
import { MAX_HISTORY, type AppState, type SupervisorState } from './types.js';

/**
 * Samples every online instance's process tree and the host once per period, in one batch and
 * one store update, off any render path; restarts instances over max_memory_restart.
 */
export class MetricsMonitor {
  private readonly trees = createTreeSampler();
  private readonly host = createHostSampler();
  private timer: Timer | undefined;
  private readonly restarting = new Set<string>();

  constructor(
    private readonly store: SupervisorStore,
    private readonly lifecycle: InstanceLifecycle,
    private readonly clock: Clock,
    private readonly periodMs: number,
    /** Runs after every sample (the autoscaler decides on fresh figures). */
    private readonly onSampled: () => void = () => {},
  ) {}

  start(): void {
    if (this.timer !== undefined || this.periodMs <= 0) return;
    const tick = (): void => {
      this.sampleOnce();
      this.timer = this.clock.setTimeout(tick, this.periodMs);
    };
    this.timer = this.clock.setTimeout(tick, this.periodMs);
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One sampling round; public so a caller (or test) can force a fresh reading. */
  sampleOnce(): void {
    const at = this.clock.now();
    const state = this.store.getState();
    const pids: number[] = [];
    for (const app of Object.values(state.apps)) {
      for (const i of app.instances) if (i.pid !== undefined && i.status === 'online') pids.push(i.pid);
    }
    const samples = this.trees.sample(pids);
    const host = this.host.sample();
    this.store.setState((s) => ({ ...withSamples(s, samples, at), host }), true);
    this.enforceMemoryLimits(samples);
    this.onSampled();
  }

  private enforceMemoryLimits(samples: Map<number, TreeSample>): void {
    for (const app of Object.values(this.store.getState().apps)) {
      for (const i of app.instances) {
        const sample = i.pid === undefined ? undefined : samples.get(i.pid);
        const reason = sample && i.status === 'online' ? memoryLimitExceeded(sample.memory, app.spec.maxMemoryBytes) : undefined;
        const key = `${i.app}\u0000${i.id}`;
        if (!reason || this.restarting.has(key)) continue;
        this.restarting.add(key);
        void this.lifecycle.restart(i.app, i.id, 'memory-limit', reason).finally(() => this.restarting.delete(key));
      }
    }
  }
}

function withSamples(state: SupervisorState, samples: Map<number, TreeSample>, at: number): SupervisorState {
  const apps: Record<string, AppState> = {};
  for (const [name, app] of Object.entries(state.apps)) {
    let changed = false;
    const instances = app.instances.map((i) => {
      const sample = i.pid === undefined ? undefined : samples.get(i.pid);
      if (!sample) return i;
      changed = true;
      const point = { at, cpu: sample.cpu, memory: sample.memory };
      return { ...i, cpu: sample.cpu, memory: sample.memory, history: pushHistory(i.history, point, MAX_HISTORY) };
    });
    apps[name] = changed ? { ...app, instances } : app;
  }
  return { ...state, apps };
}
