import { describe, expect, it } from 'vitest';
import {
  describeExitReason,
  describeExitStatus,
  describeHealthResult,
  formatAge,
  formatDuration,
  formatLatency,
  oneLine,
} from '../../../../src/tui/details/format-details.js';

describe('formatDuration', () => {
  it('shows seconds under a minute', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(999)).toBe('0s');
    expect(formatDuration(45_000)).toBe('45s');
  });

  it('shows minutes and two-digit seconds under an hour', () => {
    expect(formatDuration(192_000)).toBe('3m12s');
    expect(formatDuration(60_000)).toBe('1m00s');
    expect(formatDuration(3_599_999)).toBe('59m59s');
  });

  it('shows hours and minutes under a day, then days and hours', () => {
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 30_000)).toBe('2h05m');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d04h');
  });

  it('treats a negative duration (clock skew) as zero', () => {
    expect(formatDuration(-5_000)).toBe('0s');
  });
});

describe('formatAge', () => {
  it('says how long ago a time was', () => {
    expect(formatAge(1_000, 13_000)).toBe('12s ago');
    expect(formatAge(0, 192_000)).toBe('3m12s ago');
  });

  it('says just now under a second and for times in the future', () => {
    expect(formatAge(10_000, 10_400)).toBe('just now');
    expect(formatAge(20_000, 10_000)).toBe('just now');
  });
});

describe('formatLatency', () => {
  it('shows whole milliseconds under a second and seconds above', () => {
    expect(formatLatency(12.4)).toBe('12ms');
    expect(formatLatency(1250)).toBe('1.25s');
    expect(formatLatency(2000)).toBe('2s');
  });
});

describe('exit descriptions', () => {
  it('names the signal when there is one, else the exit code', () => {
    expect(describeExitStatus({ code: null, signal: 'SIGKILL' })).toBe('signal SIGKILL');
    expect(describeExitStatus({ code: 1, signal: null })).toBe('exit 1');
    expect(describeExitStatus({ code: 0, signal: null })).toBe('exit 0');
    expect(describeExitStatus({ code: null, signal: null })).toBe('no process');
  });

  it('puts every reason in words', () => {
    expect(describeExitReason('crash')).toBe('crashed');
    expect(describeExitReason('memory-limit')).toBe('memory limit');
    expect(describeExitReason('unhealthy')).toBe('unhealthy');
    expect(describeExitReason('user')).toBe('by user');
    expect(describeExitReason('spawn-failed')).toBe('spawn failed');
  });
});

describe('describeHealthResult', () => {
  it('gives the verdict, latency, age and message', () => {
    expect(describeHealthResult({ at: 2_000, ok: true, latencyMs: 12, message: 'HTTP 200' }, 10_000)).toBe('ok in 12ms, 8s ago: HTTP 200');
    expect(describeHealthResult({ at: 0, ok: false, latencyMs: 5000, message: '' }, 60_000)).toBe('failed in 5s, 1m00s ago');
  });

  it('flattens a multi-line message into one row', () => {
    const text = describeHealthResult({ at: 0, ok: false, latencyMs: 3, message: 'line one\nline two\x1b[31m' }, 0);
    expect(text).toBe('failed in 3ms, just now: line one line two [31m');
  });
});

describe('oneLine', () => {
  it('turns runs of control characters into one space and trims', () => {
    expect(oneLine('\ta\r\n\x07b\x9b ')).toBe('a b');
  });
});
