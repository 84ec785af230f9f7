import { monotonicMs } from '../../lib/clock.js';

/** The outcome of one health probe. */
export interface ProbeResult {
  ok: boolean;
  /** Milliseconds from the start of the probe to its verdict. */
  latencyMs: number;
  /** What happened, for people: `HTTP 503`, `timed out after 2000 ms`, `ECONNREFUSED 127.0.0.1:3001`. */
  message: string;
}

/** Starts a stopwatch; the returned function builds a result stamped with the elapsed time. */
export function startProbe(): (ok: boolean, message: string) => ProbeResult {
  const started = monotonicMs();
  return (ok, message) => ({ ok, latencyMs: Math.round((monotonicMs() - started) * 10) / 10, message });
}

/** The message for a probe that ran out of time. */
export function timedOut(timeoutMs: number): string {
  return `timed out after ${timeoutMs} ms`;
}

/** Describes a socket error as `CODE address:port`, listing every address tried for dual-stack names. */
export function describeSocketError(error: unknown, fallbackTarget: string): string {
  const err = error as NodeJS.ErrnoException & { address?: string; port?: number; errors?: unknown[] };
  const target = (e: typeof err): string =>
    e.address === undefined ? fallbackTarget : `${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port ?? ''}`;
  if (Array.isArray(err.errors) && err.errors.length > 0) {
    const parts = (err.errors as Array<typeof err>).map((e) => `${e.code ?? 'ERROR'} ${target(e)}`);
    return [...new Set(parts)].join(', ');
  }
  // Node's own ERR_* codes (a bad port, a bad header) are clearer as their message.
  if (typeof err.code === 'string' && !err.code.startsWith('ERR_')) return `${err.code} ${target(err)}`;
  return err instanceof Error ? err.message : String(error);
}
