import { systemClock, type Clock } from '../../lib/clock.js';
import { signalGroup, waitUntil } from '../../supervisor/process-group.js';
import type { PersistedFile } from './format.js';
import { liveGroupChecker } from '../../supervisor/live-groups.js';
import { currentBootId, processStartTime } from './process-identity.js';
import type { Warn } from './state-file.js';

/** An instance process left running by a daemon that died, proven to be the one it started. */
export interface Orphan {
  app: string;
  instance: number;
  pid: number;
  signal: NodeJS.Signals;
  timeoutMs: number;
}

/**
 * The recorded instance processes that still run: same boot, and the pid's start time equals the
 * recorded one (a reused pid has another). Pure apart from the two reads, which are injected.
 */
export function findOrphans(
  file: PersistedFile,
  read: { bootId: () => string | undefined; startTime: (pid: number) => number | null } = {
    bootId: currentBootId,
    startTime: processStartTime,
  },
): Orphan[] {
  const bootId = read.bootId();
  if (file.bootId !== undefined && bootId !== undefined && file.bootId !== bootId) return [];
  const orphans: Orphan[] = [];
  for (const { spec, instances } of file.apps) {
    instances.forEach(({ pid, pidStart }, instance) => {
      if (pid === null || pidStart === null || read.startTime(pid) !== pidStart) return;
      orphans.push({ app: spec.name, instance, pid, signal: spec.killSignal, timeoutMs: spec.killTimeoutMs });
    });
  }
  return orphans;
}

/**
 * Stops orphans rather than adopting them: their stdout/stderr pipes died with the old daemon, so
 * their logs are lost (or they die of SIGPIPE) and, not being our children, their exit codes
 * could never be collected. Each group gets its kill_signal, then SIGKILL after kill_timeout;
 * all in parallel, so the whole restore waits for one kill_timeout at most. The group id is the
 * pid: every instance leads its own group.
 */
export async function stopOrphans(orphans: readonly Orphan[], warn: Warn, clock: Clock = systemClock): Promise<void> {
  const alive = liveGroupChecker(() => clock.now());
  await Promise.all(
    orphans.map((orphan) =>
      stopOrphan(orphan, clock, alive).catch((error: Error) => {
        warn(`could not stop ${orphan.app}-${orphan.instance} (pid ${orphan.pid}) left by the previous daemon: ${error.message}`);
      }),
    ),
  );
}

async function stopOrphan({ pid, signal, timeoutMs }: Orphan, clock: Clock, alive: (pgid: number) => boolean): Promise<void> {
  if (!signalGroup(pid, signal)) return;
  if (await waitUntil(clock, () => !alive(pid), timeoutMs)) return;
  signalGroup(pid, 'SIGKILL');
  // SIGKILL cannot be refused, but dying takes a moment; never hang on it.
  await waitUntil(clock, () => !alive(pid), 1000);
}
