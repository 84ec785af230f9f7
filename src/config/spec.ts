/** How an app's instances get their ports (design §3 "Ports"). */
export type PortSpec =
  | { kind: 'none' }
  | { kind: 'single'; port: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'auto'; from: number; to: number };

export type HealthCheckType = 'http' | 'tcp' | 'script';

/** A normalised health check: every duration in milliseconds. */
export interface HealthCheckSpec {
  type: HealthCheckType;
  /** http: the URL to GET; may contain ${PORT} and ${INSTANCE_ID}. */
  url?: string;
  /** script: a shell command; exit 0 means healthy. */
  command?: string;
  timeoutMs: number;
  intervalMs: number;
  /** Consecutive failures before the instance is unhealthy. */
  retries: number;
  /** Time after start during which failures do not count. */
  graceMs: number;
}

/** The instance count as written: a number, "max" (CPUs) or -1 (CPUs - 1). */
export type InstancesSetting = number | 'max';

/** A fully validated and normalised app spec: every duration in ms, every size in bytes. */
export interface AppSpec {
  name: string;
  /** The program, a script path, or (with `shell`) a shell command line. */
  script: string;
  args: string[];
  /** Explicit interpreter (e.g. "python3"); undefined = chosen by the script's extension. */
  interpreter?: string;
  /** Run `script args` through /bin/sh -c. */
  shell: boolean;
  /** Absolute working directory. */
  cwd: string;
  /** As written by the user, kept so persistence and display show what was asked. */
  instancesSetting: InstancesSetting;
  /** The resolved instance count (>= 1). */
  instances: number;
  execMode: 'fork' | 'cluster';
  port: PortSpec;
  env: Record<string, string>;
  instanceVar?: string;
  mergeLogs: boolean;
  autorestart: boolean;
  maxRestarts: number;
  minUptimeMs: number;
  restartDelayMs: number;
  /** Base delay of exponential backoff; 0 = off (use restartDelayMs). */
  expBackoffRestartDelayMs: number;
  killTimeoutMs: number;
  killSignal: NodeJS.Signals;
  maxMemoryBytes?: number;
  cpuAffinity?: number[];
  namespace: string;
  healthCheck?: HealthCheckSpec;
  /** Rotate a log file when it grows past this many bytes. */
  logMaxBytes: number;
  /** How many rotated files to keep (`out.log.1` … `out.log.N`). */
  logRetain: number;
  /** Daemon-side autoscaling (design §3 "Cluster operations"); undefined = off. */
  autoscale?: AutoscaleSpec;
  /** A load-balancer file the daemon keeps in sync with the live instances; undefined = none. */
  loadBalancer?: LoadBalancerSpec;
}

/** When to add or remove an instance: above the threshold add one, below half of it remove one. */
export interface AutoscaleSpec {
  min: number;
  max: number;
  /** Average CPU per online instance, percent of one core, over `windowMs`. */
  cpuThreshold: number;
  /** Average RSS per online instance in bytes; scales up above it too when set. */
  memoryThreshold?: number;
  /** No two changes closer than this. */
  cooldownMs: number;
  /** The averaging window. */
  windowMs: number;
}

export type LoadBalancerType = 'nginx' | 'haproxy';

/** An nginx `upstream` block or HAProxy `backend` generated from the app's live instance ports. */
export interface LoadBalancerSpec {
  type: LoadBalancerType;
  /** Absolute path of the file the daemon rewrites (atomically); undefined = only `pmdaemon lb` prints it. */
  file?: string;
  /** Shell command run after every rewrite, e.g. "nginx -s reload". */
  reloadCmd?: string;
  /** The upstream/backend name; defaults to the app name. */
  name: string;
  /** The address the instances listen on. */
  host: string;
  /** Default: least_conn for nginx, roundrobin for HAProxy. */
  balance?: 'least-conn' | 'round-robin';
  weight: number;
  /** nginx `max_fails` / HAProxy `fall`. */
  maxFails: number;
  /** nginx `fail_timeout`. */
  failTimeoutMs: number;
  /** nginx `keepalive` idle connections per worker; 0 = off. */
  keepalive: number;
  /** HAProxy `option httpchk GET <path>`. */
  healthPath: string;
  /** HAProxy `check inter`. */
  checkIntervalMs: number;
  /** HAProxy `rise`. */
  rise: number;
  /**
   * Take an instance out (rewrite + reload) before a restart too (default true). false keeps a
   * restarting instance in the file, with no reload per rolling step, and relies on the balancer
   * retrying the other servers (nginx: `max_fails=0` and `proxy_next_upstream error`): a reload
   * makes nginx close kept-alive client connections, which clients that do not resend lose.
   */
  drainOnRestart?: boolean;
}

export const SPEC_DEFAULTS = {
  autorestart: true,
  maxRestarts: 16,
  minUptimeMs: 1000,
  restartDelayMs: 0,
  expBackoffRestartDelayMs: 0,
  killTimeoutMs: 1600,
  killSignal: 'SIGTERM' as NodeJS.Signals,
  namespace: 'default',
  logMaxBytes: 10 * 1024 * 1024,
  logRetain: 5,
  health: { timeoutMs: 5000, intervalMs: 10_000, retries: 3, graceMs: 0 },
  autoscale: { cooldownMs: 30_000, windowMs: 10_000 },
  loadBalancer: {
    host: '127.0.0.1',
    weight: 1,
    maxFails: 3,
    failTimeoutMs: 30_000,
    keepalive: 32,
    healthPath: '/health',
    checkIntervalMs: 5000,
    rise: 2,
  },
} as const;
