import { describe, expect, it } from 'vitest';
import { failuresIgnored, nextProbeDelay, STARTUP_PROBE_MS } from '../../../src/supervisor/health/probe-schedule.js';

const check = { intervalMs: 10_000, graceMs: 0 };

describe('health probe schedule', () => {
  it('probes a just-started instance after 100 ms, then 1.5x later each time, capped at 1 s', () => {
    const delays = [0, 1, 2, 3, 10].map((attempt) => nextProbeDelay(check, { health: 'unknown', sinceStartMs: 50, attempt }));
    expect(delays).toEqual([STARTUP_PROBE_MS, 150, 225, 338, 1000]);
  });

  it('probes every interval once the instance has been healthy', () => {
    expect(nextProbeDelay(check, { health: 'healthy', sinceStartMs: 200, attempt: 1 })).toBe(10_000);
  });

  it('probes every interval once the startup phase (one interval after start) is over', () => {
    expect(nextProbeDelay(check, { health: 'unknown', sinceStartMs: 10_000, attempt: 30 })).toBe(10_000);
  });

  it('never probes startup faster than the interval allows', () => {
    expect(nextProbeDelay({ intervalMs: 50 }, { health: 'unknown', sinceStartMs: 0, attempt: 0 })).toBe(50);
  });

  it('ignores failures during startup and grace, and counts them afterwards', () => {
    expect(failuresIgnored(check, { health: 'unknown', sinceStartMs: 500 })).toBe(true);
    expect(failuresIgnored(check, { health: 'unknown', sinceStartMs: 10_001 })).toBe(false);
    expect(failuresIgnored({ intervalMs: 500, graceMs: 0 }, { health: 'unknown', sinceStartMs: 4000 })).toBe(true);
    expect(failuresIgnored({ intervalMs: 500, graceMs: 0 }, { health: 'unknown', sinceStartMs: 5000 })).toBe(false);
    expect(failuresIgnored(check, { health: 'healthy', sinceStartMs: 500 })).toBe(false);
    expect(failuresIgnored({ intervalMs: 1000, graceMs: 5000 }, { health: 'healthy', sinceStartMs: 3000 })).toBe(true);
  });
});
