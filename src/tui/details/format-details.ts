import { formatDuration } from '../../lib/format-duration.js';
import type { ExitReason, ExitRecord, HealthResult } from '../../supervisor/types.js';

const SECOND = 1000;

export { formatDuration };

/** How long ago `at` was: `12s ago`, `3m12s ago`; `just now` under a second (or in the future). */
export function formatAge(at: number, now: number): string {
  const delta = now - at;
  return delta < SECOND ? 'just now' : `${formatDuration(delta)} ago`;
}

/** A latency: `12ms` under a second, `1.25s` above. */
export function formatLatency(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  return `${(ms / SECOND).toFixed(2).replace(/\.?0+$/, '')}s`;
}

/** How a process ended: `exit 1`, `signal SIGKILL`, or `no process` when it never started. */
export function describeExitStatus(exit: Pick<ExitRecord, 'code' | 'signal'>): string {
  if (exit.signal !== null) return `signal ${exit.signal}`;
  if (exit.code !== null) return `exit ${exit.code}`;
  return 'no process';
}

/** Words for the reason of an exit, as an operator would say them. */
export function describeExitReason(reason: ExitReason): string {
  switch (reason) {
    case 'crash':
      return 'crashed';
    case 'memory-limit':
      return 'memory limit';
    case 'unhealthy':
      return 'unhealthy';
    case 'user':
      return 'by user';
    case 'spawn-failed':
      return 'spawn failed';
  }
}

/** The last health result in words: `ok in 12ms, 8s ago: HTTP 200`. */
export function describeHealthResult(result: HealthResult, now: number): string {
  const verdict = result.ok ? 'ok' : 'failed';
  const message = oneLine(result.message);
  const tail = message === '' ? '' : `: ${message}`;
  return `${verdict} in ${formatLatency(result.latencyMs)}, ${formatAge(result.at, now)}${tail}`;
}

/** Text from a child or an error made safe for one terminal row: control characters become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
