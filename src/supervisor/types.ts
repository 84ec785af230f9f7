import type { AppSpec } from '../config/spec.js';
import type { HostMetrics } from './metrics/index.js';

export type InstanceStatus = 'starting' | 'online' | 'stopping' | 'stopped' | 'errored' | 'waiting-restart';
export type HealthStatus = 'unknown' | 'healthy' | 'unhealthy';

/** Why an instance exited or was restarted (design §3 "Lifecycle"). */
export type ExitReason = 'crash' | 'memory-limit' | 'unhealthy' | 'user' | 'spawn-failed';

/** One recorded exit of an instance's process. */
export interface ExitRecord {
  at: number;
  code: number | null;
  signal: string | null;
  reason: ExitReason;
  /** Uptime of the process that exited, in ms. */
  uptimeMs: number;
  detail?: string;
}

export interface MetricSample {
  at: number;
  cpu: number;
  memory: number;
}

export interface HealthResult {
  at: number;
  ok: boolean;
  latencyMs: number;
  message: string;
}

/** Runtime state of one instance: serialisable, replaced (never mutated) on change. */
export interface InstanceState {
  app: string;
  id: number;
  status: InstanceStatus;
  /** What the operator wants: restarts only happen while this is 'running'. */
  desired: 'running' | 'stopped';
  pid?: number;
  port?: number;
  startedAt?: number;
  /** Restarts performed by pmdaemon (crash, memory, health or user restart). */
  restarts: number;
  /** Unstable exits in a row (exit before min_uptime). */
  unstableRestarts: number;
  /** When in 'waiting-restart': the time the next start is due. */
  restartAt?: number;
  /** Why the instance is errored or waiting to restart; cleared on start (`exits` keeps the history). */
  reason?: string;
  health: HealthStatus;
  healthFailures: number;
  lastHealth?: HealthResult;
  cpu: number;
  memory: number;
  history: readonly MetricSample[];
  exits: readonly ExitRecord[];
}

/** One autoscale evaluation that changed (or refused to change) the instance count. */
export interface AutoscaleDecision {
  at: number;
  from: number;
  to: number;
  /** Why, in words an operator reads: "avg CPU 84% > 70% over 10s". */
  reason: string;
}

/** What the autoscaler last measured and decided for an app (runtime only; settings live in the spec). */
export interface AutoscaleStatus {
  /** When the instance count was last changed by the autoscaler (cooldown starts here). */
  lastChangeAt?: number;
  last?: AutoscaleDecision;
  /** The averages of the last evaluation, per online instance. */
  cpu?: number;
  memory?: number;
}

/** The load-balancer file as last written. */
export interface LoadBalancerStatus {
  /** The ports in the upstream, ascending. */
  ports: readonly number[];
  syncedAt?: number;
  /** The last write or reload failure, cleared by the next success. */
  error?: string;
}

export interface AppState {
  spec: AppSpec;
  instances: readonly InstanceState[];
  autoscale?: AutoscaleStatus;
  loadBalancer?: LoadBalancerStatus;
}

export type { HostMetrics } from './metrics/index.js';

export interface SupervisorState {
  apps: Readonly<Record<string, AppState>>;
  /** Ports handed out, by app: index = instance id. Persisted so instances keep their ports. */
  ports: Readonly<Record<string, readonly (number | undefined)[]>>;
  host?: HostMetrics;
  startedAt: number;
}

export const MAX_EXITS_KEPT = 20;
export const MAX_HISTORY = 120;
