import type { Clock } from '../lib/clock.js';
import type { Spawner, SpawnedProcess } from './spawner.js';
import type { SupervisorStore } from './store.js';

/** Attaches an instance's stdout/stderr to its log files and tail until the streams end. */
export interface LogAttacher {
  attach(app: string, id: number, proc: SpawnedProcess): void;
}

/** Hands out ports; throws an error whose message is shown as the instance's reason. */
export interface PortAssigner {
  ensurePort(app: string, id: number): Promise<number | undefined>;
}

/** What the supervisor's parts share; built once by the Supervisor. */
export interface SupervisorContext {
  store: SupervisorStore;
  clock: Clock;
  spawner: Spawner;
  baseEnv: NodeJS.ProcessEnv;
  logs: LogAttacher;
  ports: PortAssigner;
  /**
   * Called before an instance is stopped on purpose (stop, restart, scale down, delete): resolves
   * once no new traffic goes to it (the load balancer took it out). Never rejects.
   */
  drain?: (app: string, id: number, why: 'stop' | 'restart') => Promise<void>;
}
