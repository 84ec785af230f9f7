/** Time as the supervisor sees it; injected so tests can use a fake clock. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
}

export type Timer = ReturnType<typeof setTimeout>;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (t) => clearTimeout(t),
};

/**
 * Milliseconds on a monotonic clock, for durations. Not performance.now(): the `performance`
 * global loads perf_hooks (~4 ms of a CLI call, and memory in the daemon) on first use.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
