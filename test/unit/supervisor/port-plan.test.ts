import { describe, expect, it } from 'vitest';
import { autoPortCandidates, fixedPort, PortRangeError } from '../../../src/supervisor/port-plan.js';

function errorOf(run: () => unknown): PortRangeError {
  try {
    run();
  } catch (err) {
    if (err instanceof PortRangeError) return err;
    throw err;
  }
  throw new Error('expected a PortRangeError, nothing was thrown');
}

describe('fixedPort', () => {
  it('gives no fixed port to an app without ports or with auto ports', () => {
    expect(fixedPort('web', { kind: 'none' }, 3)).toBeUndefined();
    expect(fixedPort('web', { kind: 'auto', from: 3000, to: 3100 }, 3)).toBeUndefined();
  });

  it('gives instance 0 the single port', () => {
    expect(fixedPort('web', { kind: 'single', port: 3000 }, 0)).toBe(3000);
  });

  it('refuses a second instance on a single port and suggests a range that fits it', () => {
    const error = errorOf(() => fixedPort('web', { kind: 'single', port: 3000 }, 1));
    expect(error.name).toBe('PortRangeError');
    expect(error.message).toContain('app "web"');
    expect(error.message).toContain('single port 3000');
    expect(error.message).toContain('"3000-3001"');
    expect(error.message).toContain('"auto:3000-3100"');
  });

  it('gives instance i of a range the port from+i', () => {
    const range = { kind: 'range', from: 3000, to: 3003 } as const;
    expect([0, 1, 2, 3].map((id) => fixedPort('web', range, id))).toEqual([3000, 3001, 3002, 3003]);
  });

  it('refuses an instance past the end of the range, naming the count needed and a range that fits', () => {
    const error = errorOf(() => fixedPort('api', { kind: 'range', from: 3000, to: 3003 }, 5));
    expect(error).toBeInstanceOf(PortRangeError);
    expect(error.message).toContain('app "api" needs 6 ports');
    expect(error.message).toContain('3000-3003 has 4');
    expect(error.message).toContain('"3000-3005"');
    expect(error.message).toMatch(/"auto:3000-\d+"/);
  });

  it('refuses the first instance past the range, not only far-off ones', () => {
    expect(() => fixedPort('api', { kind: 'range', from: 3000, to: 3001 }, 2)).toThrow(PortRangeError);
  });
});

describe('autoPortCandidates', () => {
  it('yields every port of the range lowest first when none is taken', () => {
    expect([...autoPortCandidates({ from: 4000, to: 4003 }, new Set())]).toEqual([4000, 4001, 4002, 4003]);
  });

  it('skips ports already taken, including the ends of the range', () => {
    expect([...autoPortCandidates({ from: 4000, to: 4005 }, new Set([4000, 4002, 4005, 9999]))]).toEqual([4001, 4003, 4004]);
  });

  it('yields nothing when every port is taken', () => {
    expect([...autoPortCandidates({ from: 4000, to: 4001 }, new Set([4000, 4001]))]).toEqual([]);
  });

  it('is lazy, so a caller can stop at the first candidate of a huge range', () => {
    const first = autoPortCandidates({ from: 1, to: 65535 }, new Set([1])).next();
    expect(first).toEqual({ done: false, value: 2 });
  });
});
