import type { AppSpec, AutoscaleSpec } from '../config/spec.js';
import type { AutoscaleStatus, ExitRecord, LoadBalancerStatus, HealthResult, HealthStatus, HostMetrics, InstanceState, InstanceStatus, MetricSample } from '../supervisor/types.js';

/** One instance as `list --json` prints it: the shape dashboards script against. */
export interface ProcessRow {
  /** `<app>-<instance>`. */
  id: string;
  name: string;
  app: string;
  instance: number;
  namespace: string;
  pid: number | null;
  port: number | null;
  status: InstanceStatus;
  health: HealthStatus;
  /** Percent of one core. */
  cpu: number;
  /** RSS in bytes. */
  memory: number;
  /** Milliseconds since the process started; 0 when it is not running. */
  uptime: number;
  restarts: number;
  reason: string | null;
  /** Only on the rows of an autoscaled app: its settings (memory in bytes, durations in ms) and last decision. */
  autoscale?: {
    min: number;
    max: number;
    cpuThreshold: number;
    memoryThreshold: number | null;
    cooldownMs: number;
    windowMs: number;
    last: NonNullable<AutoscaleStatus['last']> | null;
  };
}

/** An app, or every app with `app: 'all'`; optionally one instance. */
export interface Target {
  app: string;
  instance?: number;
}

export interface InstanceInfo {
  row: ProcessRow;
  spec: AppSpec;
  /** The environment the instance was given, as it would be at its next start. */
  env: Record<string, string>;
  command: { file: string; args: string[] };
  logs: { out: string; err: string };
  lastHealth: HealthResult | null;
  exits: readonly ExitRecord[];
  /** What the autoscaler last measured and decided for the app (settings: `spec.autoscale`). */
  autoscale?: AutoscaleStatus;
  /** The app's load-balancer file as last written (settings: `spec.loadBalancer`). */
  loadBalancer?: LoadBalancerStatus;
}

export interface AppStats {
  app: string;
  online: number;
  total: number;
  healthy: number;
  unhealthy: number;
  cpuTotal: number;
  cpuAvg: number;
  memoryTotal: number;
  restarts: number;
  /** Shortest and longest uptime of the online instances, ms. */
  uptimeMin: number;
  uptimeMax: number;
}

export type LogStreamName = 'out' | 'err';

export interface LogQuery {
  app: string;
  instance?: number;
  /** Lines per instance and stream (default 20). */
  lines?: number;
  stream?: LogStreamName | 'both';
}

export interface LogLine {
  app: string;
  instance: number;
  stream: LogStreamName;
  line: string;
}

/** An instance on the wire: in a patch, `history` holds only the samples taken since the last event. */
export type WireInstance = InstanceState;

export interface WireApp {
  spec: AppSpec;
  instances: readonly WireInstance[];
  autoscale?: AutoscaleStatus;
  loadBalancer?: LoadBalancerStatus;
}

export interface WireState {
  apps: Record<string, WireApp>;
  host: HostMetrics | null;
  startedAt: number;
}

/** What a subscriber receives: a snapshot first, then numbered events. */
export type SupervisorEvent =
  | { type: 'snapshot'; seq: number; state: WireState }
  | { type: 'patch'; seq: number; apps: Record<string, WireApp | null>; host?: HostMetrics }
  | { type: 'log'; seq: number; app: string; instance: number; stream: LogStreamName; lines: string[] }
  | { type: 'dropped'; seq: number; logLines: number }
  | { type: 'rolling'; seq: number; app: string; step: RollingProgress };

export interface RollingProgress {
  instance: number;
  /** `adding`/`removing`: a reload moving the app to a new instance count. */
  phase: 'adding' | 'removing' | 'restarting' | 'waiting' | 'ready' | 'failed' | 'done';
  detail?: string;
}

export interface SubscribeOptions {
  /** Also stream log lines: of every app (true) or of one app/instance. */
  logs?: boolean | { app: string; instance?: number };
}

export interface ServerInfo {
  version: string;
  pid: number;
  startedAt: number;
  home: string;
}

export interface RestartOptions {
  rolling?: boolean;
  /** Instances restarted at once in a rolling restart (default 1). */
  batch?: number;
  /** How long each restarted instance may take to become ready in a rolling restart (default 60 s). */
  timeoutMs?: number;
}

/** A zero-downtime rolling reload that can also move the app to `instances` instances. */
export interface ReloadOptions {
  instances?: number;
  batch?: number;
  timeoutMs?: number;
}

/**
 * The one interface behind the CLI, the TUI and scripts (design §2): implemented in-process over
 * a Supervisor and, over the socket, by the client, so callers cannot tell which they have.
 */
export interface SupervisorApi {
  info(): Promise<ServerInfo>;
  listProcesses(): Promise<ProcessRow[]>;
  /** Adds new apps and starts stopped ones; an app that is running is an error. Returns app names. */
  start(specs: AppSpec[]): Promise<string[]>;
  /** Starts the stopped instances of apps already known. */
  startApps(target: Target): Promise<void>;
  stop(target: Target): Promise<void>;
  restart(target: Target, options?: RestartOptions): Promise<void>;
  delete(target: Target): Promise<string[]>;
  /** Stops a rolling restart of the app after its current step; false when none runs. */
  abortRolling(app: string): Promise<boolean>;
  /**
   * `count` is absolute, or relative with `relative: true` (+N / -N); `port` gives the app a new
   * port setting first ("3000-3005", "auto:3000-3100"). Returns the new count.
   */
  scale(app: string, count: number, options?: { relative?: boolean; port?: string }): Promise<number>;
  /** Rolling restart (one batch at a time, each waiting until ready), after moving to `instances` when given. */
  reload(app: string, options?: ReloadOptions): Promise<void>;
  /** Turns autoscaling of an app on with these settings, or off with null (persisted in the spec). */
  autoscale(app: string, settings: AutoscaleSpec | null): Promise<void>;
  describe(target: Target): Promise<InstanceInfo[]>;
  stats(app: string): Promise<AppStats>;
  logs(query: LogQuery): Promise<LogLine[]>;
  subscribe(onEvent: (event: SupervisorEvent) => void, options?: SubscribeOptions): () => void;
  close(): Promise<void>;
}

export type { MetricSample };

/** Daemon-only operations: persistence and the daemon's own life. */
export interface DaemonControl {
  /** Writes `$PMDAEMON_HOME/dump.json` with every app; returns the file and the app names. */
  save(): Promise<{ file: string; apps: string[] }>;
  /** Starts the apps of dump.json that are not running; returns their names. */
  resurrect(): Promise<string[]>;
  /** Stops every instance gracefully, then the daemon exits; the next daemon starts empty. */
  kill(): Promise<void>;
}

/** What `connect()` returns: the common API plus daemon control. */
export type DaemonClient = SupervisorApi & DaemonControl;
