import type { AppSpec } from '../config/spec.js';

/** PM2 caps exponential backoff at 15 s; so do we, so a flapping app is retried at least that often. */
export const MAX_BACKOFF_MS = 15_000;

export interface CrashInput {
  code: number | null;
  signal: string | null;
  uptimeMs: number;
  /** Unstable exits in a row before this one. */
  unstableRestarts: number;
}

export type CrashDecision =
  | { kind: 'restart'; delayMs: number; unstableRestarts: number }
  | { kind: 'give-up'; reason: string; unstableRestarts: number }
  | { kind: 'stay-down'; reason: string | undefined };

type PolicySpec = Pick<
  AppSpec,
  'autorestart' | 'maxRestarts' | 'minUptimeMs' | 'restartDelayMs' | 'expBackoffRestartDelayMs'
>;

/** Decides what follows an exit nobody asked for (design §3 "Lifecycle"). */
export function decideAfterCrash(spec: PolicySpec, exit: CrashInput): CrashDecision {
  const how = describeExit(exit.code, exit.signal);
  if (!spec.autorestart) {
    const clean = exit.code === 0 && exit.signal === null;
    return { kind: 'stay-down', reason: clean ? undefined : `${how} (autorestart is off)` };
  }
  const unstable = exit.uptimeMs < spec.minUptimeMs;
  const unstableRestarts = unstable ? exit.unstableRestarts + 1 : 0;
  if (unstable && unstableRestarts >= spec.maxRestarts) {
    return {
      kind: 'give-up',
      unstableRestarts,
      reason:
        `${how}; ${unstableRestarts} exits in a row within min_uptime ${spec.minUptimeMs} ms ` +
        `(max_restarts ${spec.maxRestarts}): not restarting. Fix the app, then restart it`,
    };
  }
  return { kind: 'restart', delayMs: restartDelay(spec, unstableRestarts), unstableRestarts };
}

/** The wait before a restart: fixed, or exponential in the unstable exits in a row. */
export function restartDelay(
  spec: Pick<AppSpec, 'restartDelayMs' | 'expBackoffRestartDelayMs'>,
  unstableRestarts: number,
): number {
  if (spec.expBackoffRestartDelayMs <= 0) return spec.restartDelayMs;
  const steps = Math.max(0, unstableRestarts - 1);
  return Math.min(Math.round(spec.expBackoffRestartDelayMs * 1.5 ** steps), MAX_BACKOFF_MS);
}

/** "exited with code 1" / "killed by SIGSEGV". */
export function describeExit(code: number | null, signal: string | null): string {
  if (signal) return `killed by ${signal}`;
  return `exited with code ${code ?? '?'}`;
}
