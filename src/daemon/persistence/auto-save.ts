import type { SupervisorStore } from '../../supervisor/store.js';
import type { Supervisor } from '../../supervisor/supervisor.js';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-write.js';
import { serializeFile } from './format.js';
import { currentBootId, processStartTime } from './process-identity.js';
import { persistedChanged, projectState } from './projection.js';
import { statePath, warnOnStderr, type Warn } from './state-file.js';

const active = new Map<string, () => void>();

/** Saves `$home/state.json` on every persisted change; the returned function flushes and stops. */
export function startAutoSave(supervisor: Supervisor, home: string): () => void {
  const file = statePath(home);
  active.get(file)?.();
  const stopSaving = autoSave(supervisor.store, { file });
  const stop = (): void => {
    if (active.get(file) === stop) active.delete(file);
    stopSaving();
  };
  active.set(file, stop);
  return stop;
}

/** Flushes and stops the auto-save of `home`, if one runs in this process. */
export function stopAutoSaveOf(home: string): void {
  active.get(statePath(home))?.();
}

export interface AutoSaveOptions {
  file: string;
  now?: () => number;
  warn?: Warn;
  bootId?: string;
  pidStart?: (pid: number) => number | null;
  /** Delay before retrying after a failed write (disk full, home removed). */
  retryMs?: number;
  /** The off-loop writer (tests observe it). */
  writeAsync?: typeof writeFileAtomic;
}

/**
 * Keeps `file` equal to the persisted projection of `store`: a write starts on the event-loop
 * turn after a persisted change, one at a time off the loop (so starting 50 instances never
 * blocks on 50 fsyncs); changes made meanwhile are written by the next one, so the last change
 * is never lost. The returned function writes any pending change synchronously and stops.
 */
export function autoSave(store: SupervisorStore, options: AutoSaveOptions): () => void {
  const { file, now = Date.now, warn = warnOnStderr, retryMs = 1000, writeAsync = writeFileAtomic } = options;
  const bootId = options.bootId ?? currentBootId();
  const pidStart = pidStartCache(options.pidStart ?? processStartTime);
  let seen = store.getState();
  let dirty = true; // the first write records this daemon's state (new pids after a restore)
  let writing = false;
  let scheduled = false;
  let stopped = false;
  let lastError = '';

  const text = (): string => {
    const projection = projectState(store.getState(), { now: now(), bootId, pidStart: pidStart.get });
    pidStart.roll();
    return serializeFile(projection);
  };

  const pump = (): void => {
    scheduled = false;
    if (stopped || writing || !dirty) return;
    dirty = false;
    writing = true;
    writeAsync(file, text(), () => !stopped)
      .then(() => (lastError = ''))
      .catch((error: NodeJS.ErrnoException) => {
        // Compare codes: messages name the temp file, which differs on every attempt.
        const kind = error.code ?? error.message;
        if (kind !== lastError) warn(`could not save ${file}: ${error.message}`);
        lastError = kind;
        dirty = true;
        setTimeout(schedule, retryMs).unref();
      })
      .finally(() => {
        writing = false;
        if (dirty) schedule();
      });
  };

  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(pump);
  }

  const unsubscribe = store.subscribe((state) => {
    if (!persistedChanged(seen, state)) return;
    seen = state;
    dirty = true;
    schedule();
  });
  schedule();

  return () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    // An in-flight write will not be committed (see writeFileAtomic), so it counts as pending.
    if (dirty || writing) writeFileAtomicSync(file, text());
  };
}

/**
 * Start times read once per process: keyed by pid and the store's startedAt, so a reused pid is
 * read again; each projection keeps only the entries it used.
 */
function pidStartCache(read: (pid: number) => number | null): { get: (pid: number, startedAt?: number) => number | null; roll: () => void } {
  let previous = new Map<string, number | null>();
  let current = new Map<string, number | null>();
  return {
    get(pid, startedAt) {
      const key = `${pid}:${startedAt}`;
      if (!current.has(key)) current.set(key, previous.has(key) ? previous.get(key)! : read(pid));
      return current.get(key)!;
    },
    roll() {
      previous = current;
      current = new Map();
    },
  };
}
