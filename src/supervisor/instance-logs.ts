import type { LogAttacher } from './context.js';
import { createLineTail, type LineTail } from './logs/line-tail.js';
import { createLogFiles } from './logs/log-files.js';
import { logPaths, type LogPaths } from './logs/log-paths.js';
import { pipeLogs } from './logs/log-pipe.js';
import type { SpawnedProcess } from './spawner.js';
import type { SupervisorStore } from './store.js';

export type LogStream = 'out' | 'err';

/** A chunk of an instance's output, as it arrived. */
export interface LogChunk {
  app: string;
  id: number;
  stream: LogStream;
  data: Buffer;
}

type ChunkListener = (chunk: LogChunk) => void;

/**
 * Every instance's log files and in-memory tails (design §3 "Logs"). Tails belong to the
 * instance, not the process, so they survive restarts; files are shared under merge_logs.
 */
export class InstanceLogs implements LogAttacher {
  private readonly files = createLogFiles();
  private readonly tails = new Map<string, LineTail>();
  private readonly listeners = new Set<ChunkListener>();

  constructor(
    private readonly home: string,
    private readonly store: SupervisorStore,
  ) {}

  attach(app: string, id: number, proc: SpawnedProcess): void {
    const spec = this.store.getState().apps[app]?.spec;
    if (!spec) return;
    const paths = this.paths(app, id);
    const rotation = { maxBytes: spec.logMaxBytes, retain: spec.logRetain };
    for (const stream of ['out', 'err'] as const) {
      const source = stream === 'out' ? proc.stdout : proc.stderr;
      const path = paths[stream];
      const file = this.files.acquire(path, rotation);
      const onData = (data: Buffer): void => {
        if (this.listeners.size > 0) this.emit({ app, id, stream, data });
      };
      const onError = (error: unknown): void => {
        process.stderr.write(`pmdaemon: logs of ${app}-${id} (${path}): ${(error as Error).message}\n`);
      };
      pipeLogs({ source, file, tail: this.tail(app, id, stream), onData, onError });
      source.once('close', () => this.files.release(path));
    }
  }

  /** Where an instance's logs are written. */
  paths(app: string, id: number): LogPaths {
    const mergeLogs = this.store.getState().apps[app]?.spec.mergeLogs ?? false;
    return logPaths(this.home, app, id, mergeLogs);
  }

  /** The recent lines of one instance's stdout or stderr. */
  lines(app: string, id: number, stream: LogStream, count?: number): string[] {
    return this.tails.get(tailKey(app, id, stream))?.lines(count) ?? [];
  }

  /** Live output of every instance; the listener must return quickly and never throw. */
  onChunk(listener: ChunkListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops the tails of a deleted app (its files stay on disk). */
  forget(app: string): void {
    for (const key of this.tails.keys()) if (key.startsWith(`${app}\u0000`)) this.tails.delete(key);
  }

  closeAll(): void {
    this.files.closeAll();
  }

  private tail(app: string, id: number, stream: LogStream): LineTail {
    const key = tailKey(app, id, stream);
    let tail = this.tails.get(key);
    if (!tail) this.tails.set(key, (tail = createLineTail()));
    return tail;
  }

  private emit(chunk: LogChunk): void {
    for (const listener of this.listeners) listener(chunk);
  }
}

function tailKey(app: string, id: number, stream: LogStream): string {
  return `${app}\u0000${id}\u0000${stream}`;
}
