import type { Clock } from '../lib/clock.js';
import { liveGroupChecker } from './live-groups.js';

/** Sends a signal to a whole process group; false when the group is already gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Resolves true once `check` holds, false at the deadline; polls because Linux has no group-exit event. */
export function waitUntil(clock: Clock, check: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const deadline = clock.now() + timeoutMs;
  return new Promise((resolve) => {
    const poll = (): void => {
      if (check()) return resolve(true);
      if (clock.now() >= deadline) return resolve(false);
      clock.setTimeout(poll, everyMs);
    };
    poll();
  });
}

export interface TerminateOptions {
  signal: NodeJS.Signals;
  timeoutMs: number;
  /** Settles when the group leader has exited and been reaped. */
  leaderExited: Promise<unknown>;
}

/**
 * Stops a process group as design §3 says: the stop signal to every member, then SIGKILL to the
 * group after `timeoutMs` if the leader or any grandchild is still there. Resolves with whether
 * SIGKILL was needed.
 */
export async function terminateGroup(clock: Clock, pgid: number, options: TerminateOptions): Promise<boolean> {
  // Zombies hold no port or file: a slowly reaping init must not stretch every stop.
  const groupLive = liveGroupChecker();
  let leaderGone = false;
  void options.leaderExited.then(() => (leaderGone = true));
  if (!signalGroup(pgid, options.signal)) {
    await options.leaderExited;
    return false;
  }
  const graceful = await waitUntil(clock, () => leaderGone && !groupLive(pgid), options.timeoutMs);
  if (graceful) return false;
  signalGroup(pgid, 'SIGKILL');
  await options.leaderExited;
  await waitUntil(clock, () => !groupLive(pgid), 1000);
  return true;
}
