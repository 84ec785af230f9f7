import { describe, expect, it } from 'vitest';
import { decideAfterCrash, describeExit, MAX_BACKOFF_MS, restartDelay } from '../../../src/supervisor/restart-policy.js';
import { makeSpec } from '../../helpers/make-spec.js';

const crash = { code: 1, signal: null, uptimeMs: 10, unstableRestarts: 0 };

describe('decideAfterCrash', () => {
  it('restarts after restart_delay when autorestart is on', () => {
    const spec = makeSpec({ restartDelayMs: 250 });
    expect(decideAfterCrash(spec, { ...crash, uptimeMs: 5000 })).toEqual({ kind: 'restart', delayMs: 250, unstableRestarts: 0 });
  });

  it('counts an exit before min_uptime as one more unstable exit in a row', () => {
    const spec = makeSpec({ minUptimeMs: 1000 });
    expect(decideAfterCrash(spec, { ...crash, uptimeMs: 999, unstableRestarts: 2 })).toMatchObject({ kind: 'restart', unstableRestarts: 3 });
  });

  it('counts an exit at exactly min_uptime as stable and resets the unstable count', () => {
    const spec = makeSpec({ minUptimeMs: 1000 });
    expect(decideAfterCrash(spec, { ...crash, uptimeMs: 1000, unstableRestarts: 7 })).toMatchObject({ kind: 'restart', unstableRestarts: 0 });
  });

  it('resets the unstable count after a stable exit even when max_restarts was almost reached', () => {
    const spec = makeSpec({ maxRestarts: 3, minUptimeMs: 1000 });
    expect(decideAfterCrash(spec, { ...crash, uptimeMs: 60_000, unstableRestarts: 2 })).toMatchObject({ kind: 'restart', unstableRestarts: 0 });
  });

  it('gives up on the max_restarts-th unstable exit in a row, and not one earlier', () => {
    const spec = makeSpec({ maxRestarts: 3, minUptimeMs: 1000 });
    expect(decideAfterCrash(spec, { ...crash, unstableRestarts: 1 })).toMatchObject({ kind: 'restart', unstableRestarts: 2 });
    const decision = decideAfterCrash(spec, { ...crash, unstableRestarts: 2 });
    expect(decision).toMatchObject({ kind: 'give-up', unstableRestarts: 3 });
  });

  it('walks a flapping app through restarts to give-up when fed its own counts', () => {
    const spec = makeSpec({ maxRestarts: 4, minUptimeMs: 500 });
    const kinds: string[] = [];
    let unstableRestarts = 0;
    for (let exit = 0; exit < 6; exit++) {
      const decision = decideAfterCrash(spec, { ...crash, uptimeMs: 100, unstableRestarts });
      kinds.push(decision.kind);
      if (decision.kind === 'stay-down') break;
      unstableRestarts = decision.unstableRestarts;
      if (decision.kind === 'give-up') break;
    }
    expect(kinds).toEqual(['restart', 'restart', 'restart', 'give-up']);
  });

  it('explains a give-up with the exit, the count, min_uptime, max_restarts and what to do', () => {
    const spec = makeSpec({ maxRestarts: 2, minUptimeMs: 1500 });
    const decision = decideAfterCrash(spec, { code: 3, signal: null, uptimeMs: 20, unstableRestarts: 1 });
    if (decision.kind !== 'give-up') throw new Error(`expected give-up, got ${decision.kind}`);
    expect(decision.reason).toContain('exited with code 3');
    expect(decision.reason).toContain('2 exits in a row');
    expect(decision.reason).toContain('min_uptime 1500 ms');
    expect(decision.reason).toContain('max_restarts 2');
    expect(decision.reason).toMatch(/fix the app/i);
  });

  it('keeps a crashed instance down with a reason when autorestart is off', () => {
    const spec = makeSpec({ autorestart: false });
    expect(decideAfterCrash(spec, { ...crash, code: 2 })).toEqual({ kind: 'stay-down', reason: 'exited with code 2 (autorestart is off)' });
    expect(decideAfterCrash(spec, { ...crash, code: null, signal: 'SIGKILL' })).toEqual({
      kind: 'stay-down',
      reason: 'killed by SIGKILL (autorestart is off)',
    });
  });

  it('keeps a cleanly exited instance down without a reason when autorestart is off', () => {
    const spec = makeSpec({ autorestart: false });
    expect(decideAfterCrash(spec, { ...crash, code: 0, uptimeMs: 5 })).toEqual({ kind: 'stay-down', reason: undefined });
  });

  it('never gives up when autorestart is off, however many unstable exits came before', () => {
    const spec = makeSpec({ autorestart: false, maxRestarts: 1 });
    expect(decideAfterCrash(spec, { ...crash, unstableRestarts: 50 }).kind).toBe('stay-down');
  });

  it('restarts even a clean exit when autorestart is on, as PM2 does', () => {
    expect(decideAfterCrash(makeSpec(), { ...crash, code: 0, uptimeMs: 5000 }).kind).toBe('restart');
  });

  it('uses exponential backoff for the restart delay when it is configured', () => {
    const spec = makeSpec({ expBackoffRestartDelayMs: 100, restartDelayMs: 9999, minUptimeMs: 1000 });
    const delays: number[] = [];
    let unstableRestarts = 0;
    for (let exit = 0; exit < 4; exit++) {
      const decision = decideAfterCrash(spec, { ...crash, unstableRestarts });
      if (decision.kind !== 'restart') throw new Error(`expected restart, got ${decision.kind}`);
      delays.push(decision.delayMs);
      unstableRestarts = decision.unstableRestarts;
    }
    expect(delays).toEqual([100, 150, 225, 338]);
  });
});

describe('restartDelay', () => {
  it('is the fixed restart_delay whatever the count when backoff is off', () => {
    const spec = { restartDelayMs: 700, expBackoffRestartDelayMs: 0 };
    expect([0, 1, 5, 40].map((n) => restartDelay(spec, n))).toEqual([700, 700, 700, 700]);
  });

  it('grows 1.5x per unstable exit in a row, starting at the base', () => {
    const spec = { restartDelayMs: 0, expBackoffRestartDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((n) => restartDelay(spec, n))).toEqual([1000, 1000, 1500, 2250, 3375]);
  });

  it('is capped at 15 s', () => {
    const spec = { restartDelayMs: 0, expBackoffRestartDelayMs: 1000 };
    expect(MAX_BACKOFF_MS).toBe(15_000);
    expect(restartDelay(spec, 7)).toBe(11_391);
    expect(restartDelay(spec, 8)).toBe(15_000);
    expect(restartDelay(spec, 1000)).toBe(15_000);
  });
});

describe('describeExit', () => {
  it('names the exit code of a process that exited', () => {
    expect(describeExit(1, null)).toBe('exited with code 1');
    expect(describeExit(0, null)).toBe('exited with code 0');
  });

  it('names the signal of a process that was killed', () => {
    expect(describeExit(null, 'SIGSEGV')).toBe('killed by SIGSEGV');
  });

  it('prefers the signal when both are known', () => {
    expect(describeExit(137, 'SIGKILL')).toBe('killed by SIGKILL');
  });

  it('says the code is unknown when there is neither code nor signal', () => {
    expect(describeExit(null, null)).toBe('exited with code ?');
  });
});
