import type { ExitReason, ExitRecord, HealthResult } from '../../supervisor/types.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact duration in two units at most: `45s`, `3m12s`, `2h05m`, `3d04h`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  if (total < MINUTE) return `${Math.floor(total / SECOND)}s`;
  if (total < HOUR) return `${Math.floor(total / MINUTE)}m${pad2(Math.floor((total % MINUTE) / SECOND))}s`;
  if (total < DAY) return `${Math.floor(total / HOUR)}h${pad2(Math.floor((total % HOUR) / MINUTE))}m`;
  return `${Math.floor(total / DAY)}d${pad2(Math.floor((total % DAY) / HOUR))}h`;
}

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

function pad2(n: number): string {
  return n.toString().padStart(2, '0');
}
