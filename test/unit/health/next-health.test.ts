import { describe, expect, it } from 'vitest';
import { nextHealth, type HealthState } from '../../../src/supervisor/health/next-health.js';

const ok = { ok: true, latencyMs: 1, message: 'HTTP 200' };
const fail = { ok: false, latencyMs: 1, message: 'HTTP 503' };

describe('nextHealth', () => {
  const cases: Array<[string, HealthState, typeof ok, { retries: number; inGrace: boolean }, HealthState]> = [
    ['one success makes an unknown instance healthy', { status: 'unknown', failures: 0 }, ok, { retries: 3, inGrace: false }, { status: 'healthy', failures: 0 }],
    ['one success clears failures of an unhealthy instance', { status: 'unhealthy', failures: 5 }, ok, { retries: 3, inGrace: false }, { status: 'healthy', failures: 0 }],
    ['a success in grace still counts', { status: 'unknown', failures: 0 }, ok, { retries: 3, inGrace: true }, { status: 'healthy', failures: 0 }],
    ['a failure below retries keeps a healthy instance healthy', { status: 'healthy', failures: 0 }, fail, { retries: 3, inGrace: false }, { status: 'healthy', failures: 1 }],
    ['a failure below retries keeps unknown unknown', { status: 'unknown', failures: 1 }, fail, { retries: 3, inGrace: false }, { status: 'unknown', failures: 2 }],
    ['the retries-th failure in a row makes it unhealthy', { status: 'healthy', failures: 2 }, fail, { retries: 3, inGrace: false }, { status: 'unhealthy', failures: 3 }],
    ['further failures keep counting', { status: 'unhealthy', failures: 3 }, fail, { retries: 3, inGrace: false }, { status: 'unhealthy', failures: 4 }],
    ['a failure in grace changes nothing', { status: 'unknown', failures: 0 }, fail, { retries: 1, inGrace: true }, { status: 'unknown', failures: 0 }],
    ['retries 1 turns unhealthy on the first failure', { status: 'healthy', failures: 0 }, fail, { retries: 1, inGrace: false }, { status: 'unhealthy', failures: 1 }],
    ['retries 0 behaves as 1', { status: 'healthy', failures: 0 }, fail, { retries: 0, inGrace: false }, { status: 'unhealthy', failures: 1 }],
  ];

  it.each(cases)('%s', (_name, state, result, opts, expected) => {
    expect(nextHealth(state, result, opts)).toEqual(expected);
  });

  it('does not mutate the state it is given', () => {
    const state = Object.freeze({ status: 'healthy' as const, failures: 2 });
    nextHealth(state, fail, { retries: 3, inGrace: false });
    expect(state).toEqual({ status: 'healthy', failures: 2 });
  });
});
