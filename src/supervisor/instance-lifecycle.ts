import type { Timer } from '../lib/clock.js';
import type { SupervisorContext } from './context.js';
import { buildInstanceEnv } from './instance-env.js';
import { instanceCommand } from './instance-command.js';
import { signalGroup, terminateGroup } from './process-group.js';
import { decideAfterCrash, describeExit } from './restart-policy.js';
import type { SpawnedProcess } from './spawner.js';
import { getInstance, withInstance } from './store.js';
import { memoForTurn } from './turn-memo.js';
import { MAX_EXITS_KEPT, type ExitReason, type ExitRecord, type InstanceState } from './types.js';

interface Runtime {
  /** Bumped by every start and stop so a stale continuation knows to give up. */
  generation: number;
  proc?: SpawnedProcess;
  startedAt?: number;
  pending?: Promise<void>;
  stopRequest?: { reason: ExitReason; detail?: string };
  restartTimer?: Timer;
}

// process.env is slow to enumerate (~40 µs): the instances started in one turn share a plain copy.
const plainEnv = memoForTurn((env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env }));

type Listener = (app: string, id: number, proc: SpawnedProcess | undefined) => void;

/** Starts, stops and restarts instances, and decides what follows every exit (design §3). */
export class InstanceLifecycle {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly ctx: SupervisorContext) {}

  /** Called whenever an instance's process appears or goes (for health checks). */
  onProcessChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pid(app: string, id: number): number | undefined {
    return this.runtimes.get(key(app, id))?.proc?.pid;
  }

  /** Starts the instance unless it runs; resolves once it is online or has failed to start. */
  async start(app: string, id: number): Promise<void> {
    const rt = this.runtime(app, id);
    if (rt.pending) await rt.pending;
    if (rt.proc) return;
    this.clearRestartTimer(rt);
    this.update(app, id, (i) => ({ ...i, desired: 'running' }));
    rt.pending = this.spawnInstance(app, id, rt, ++rt.generation).finally(() => (rt.pending = undefined));
    await rt.pending;
  }

  /** Stops the instance on purpose: kill_signal to its group, SIGKILL after kill_timeout. */
  async stop(app: string, id: number): Promise<void> {
    const rt = this.runtime(app, id);
    this.update(app, id, (i) => ({ ...i, desired: 'stopped' }));
    rt.generation++;
    this.clearRestartTimer(rt);
    if (rt.pending) await rt.pending;
    if (!rt.proc) {
      this.update(app, id, (i) => (isDown(i) ? i : { ...i, status: 'stopped', restartAt: undefined }));
      return;
    }
    await this.terminate(app, id, rt, { reason: 'user' });
  }

  /** Replaces the running process (or starts a stopped one); resolves when the new one is up. */
  async restart(app: string, id: number, reason: ExitReason = 'user', detail?: string): Promise<void> {
    const rt = this.runtime(app, id);
    if (rt.pending) await rt.pending;
    this.update(app, id, (i) => ({ ...i, desired: 'running' }));
    if (!rt.proc) return this.start(app, id);
    await this.terminate(app, id, rt, { reason, detail });
    if (rt.pending) await rt.pending;
  }

  /** Stops the instance and forgets it (scale down, delete). */
  async remove(app: string, id: number): Promise<void> {
    await this.stop(app, id);
    this.runtimes.delete(key(app, id));
  }

  private async terminate(app: string, id: number, rt: Runtime, request: Runtime['stopRequest']): Promise<void> {
    if (this.ctx.drain && rt.proc) await this.ctx.drain(app, id, getInstance(this.ctx.store.getState(), app, id)?.desired === 'stopped' ? 'stop' : 'restart');
    const proc = rt.proc;
    const spec = this.ctx.store.getState().apps[app]?.spec;
    if (!proc || !spec) return;
    rt.stopRequest = rt.stopRequest ?? request;
    this.update(app, id, (i) => ({ ...i, status: 'stopping' }));
    await terminateGroup(this.ctx.clock, proc.pid, {
      signal: spec.killSignal,
      timeoutMs: spec.killTimeoutMs,
      leaderExited: proc.exited,
    });
  }

  private async spawnInstance(app: string, id: number, rt: Runtime, generation: number): Promise<void> {
    const { ctx } = this;
    this.update(app, id, (i) => ({
      ...i,
      status: 'starting',
      reason: undefined,
      restartAt: undefined,
      health: 'unknown',
      healthFailures: 0,
    }));
    let port: number | undefined;
    try {
      port = await ctx.ports.ensurePort(app, id);
    } catch (error) {
      if (generation === rt.generation) this.fail(app, id, (error as Error).message);
      return;
    }
    const spec = ctx.store.getState().apps[app]?.spec;
    if (!spec || generation !== rt.generation) return;
    const vars = { id, port };
    const command = instanceCommand(spec, vars);
    let proc: SpawnedProcess;
    try {
      proc = await ctx.spawner.spawn({ ...command, cwd: spec.cwd, env: buildInstanceEnv(plainEnv(ctx.baseEnv), spec, vars) });
    } catch (error) {
      this.recordExit(app, id, { at: ctx.clock.now(), code: null, signal: null, reason: 'spawn-failed', uptimeMs: 0, detail: (error as Error).message });
      this.fail(app, id, (error as Error).message);
      return;
    }
    const startedAt = ctx.clock.now();
    rt.proc = proc;
    rt.startedAt = startedAt;
    ctx.logs.attach(app, id, proc);
    this.update(app, id, (i) => ({ ...i, status: 'online', pid: proc.pid, port, startedAt, cpu: 0, memory: 0 }));
    void proc.exited.then((exit) => this.handleExit(app, id, rt, proc, exit.code, exit.signal));
    this.emit(app, id, proc);
  }

  private handleExit(app: string, id: number, rt: Runtime, proc: SpawnedProcess, code: number | null, signal: string | null): void {
    if (rt.proc !== proc) return;
    const { clock } = this.ctx;
    const now = clock.now();
    const uptimeMs = now - (rt.startedAt ?? now);
    const request = rt.stopRequest;
    rt.proc = undefined;
    rt.stopRequest = undefined;
    this.emit(app, id, undefined);
    // The leader is gone: grandchildren left in its group would hold its port and files.
    if (!request) signalGroup(proc.pid, 'SIGKILL');
    const how = describeExit(code, signal);
    this.recordExit(app, id, { at: now, code, signal, reason: request?.reason ?? 'crash', uptimeMs, detail: request?.detail ?? how });
    const instance = getInstance(this.ctx.store.getState(), app, id);
    const spec = this.ctx.store.getState().apps[app]?.spec;
    if (!instance || !spec) return;
    const down = { pid: undefined, cpu: 0, memory: 0 } as const;
    if (instance.desired === 'stopped') {
      this.update(app, id, (i) => ({ ...i, ...down, status: 'stopped' }));
      return;
    }
    if (request) {
      this.update(app, id, (i) => ({ ...i, ...down, status: 'starting', restarts: i.restarts + 1, unstableRestarts: 0, reason: request.detail }));
      void this.start(app, id);
      return;
    }
    const decision = decideAfterCrash(spec, { code, signal, uptimeMs, unstableRestarts: instance.unstableRestarts });
    switch (decision.kind) {
      case 'restart':
        this.update(app, id, (i) => ({
          ...i,
          ...down,
          status: 'waiting-restart',
          restarts: i.restarts + 1,
          unstableRestarts: decision.unstableRestarts,
          restartAt: now + decision.delayMs,
          reason: how,
        }));
        if (decision.delayMs <= 0) void this.start(app, id);
        else rt.restartTimer = clock.setTimeout(() => void this.start(app, id), decision.delayMs);
        return;
      case 'give-up':
        this.update(app, id, (i) => ({ ...i, ...down, status: 'errored', unstableRestarts: decision.unstableRestarts, reason: decision.reason }));
        return;
      case 'stay-down':
        this.update(app, id, (i) => ({ ...i, ...down, status: decision.reason ? 'errored' : 'stopped', reason: decision.reason }));
        return;
    }
  }

  private fail(app: string, id: number, reason: string): void {
    this.update(app, id, (i) => ({ ...i, status: 'errored', pid: undefined, reason }));
  }

  private recordExit(app: string, id: number, exit: ExitRecord): void {
    this.update(app, id, (i) => ({ ...i, exits: [...i.exits, exit].slice(-MAX_EXITS_KEPT) }));
  }

  private update(app: string, id: number, change: (i: InstanceState) => InstanceState): void {
    this.ctx.store.setState((s) => withInstance(s, app, id, change), true);
  }

  private clearRestartTimer(rt: Runtime): void {
    if (rt.restartTimer !== undefined) this.ctx.clock.clearTimeout(rt.restartTimer);
    rt.restartTimer = undefined;
  }

  private emit(app: string, id: number, proc: SpawnedProcess | undefined): void {
    for (const listener of this.listeners) listener(app, id, proc);
  }

  private runtime(app: string, id: number): Runtime {
    let rt = this.runtimes.get(key(app, id));
    if (!rt) this.runtimes.set(key(app, id), (rt = { generation: 0 }));
    return rt;
  }
}

function key(app: string, id: number): string {
  return `${app}\u0000${id}`;
}

function isDown(i: InstanceState): boolean {
  return i.status === 'stopped' || i.status === 'errored';
}
