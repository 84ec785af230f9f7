import { describe, expect, it } from 'vitest';
import { checkPortConflicts, checkPortFits, formatPort, parsePort } from '../../../src/config/validate-ports.js';
import type { AppSpec, PortSpec } from '../../../src/config/spec.js';

function app(name: string, port: PortSpec): AppSpec {
  return { name, port } as AppSpec;
}

describe('parsePort', () => {
  it('reads the three forms', () => {
    expect(parsePort(3000)).toEqual({ kind: 'single', port: 3000 });
    expect(parsePort(' 3000 ')).toEqual({ kind: 'single', port: 3000 });
    expect(parsePort('3000-3003')).toEqual({ kind: 'range', from: 3000, to: 3003 });
    expect(parsePort('auto:3000-3100')).toEqual({ kind: 'auto', from: 3000, to: 3100 });
    expect(parsePort(undefined)).toEqual({ kind: 'none' });
  });

  it('accepts the edges of the port space', () => {
    expect(parsePort('1-65535')).toEqual({ kind: 'range', from: 1, to: 65535 });
  });

  it.each([[0], [65536], [3000.5], ['abc'], ['3000-'], [true], [null], ['auto:'], ['123456']])(
    'rejects %j',
    (value) => {
      expect(() => parsePort(value)).toThrow(/^"port" is .+; (use a port like|ports must be between)/);
    },
  );

  it('asks for a range after auto:', () => {
    expect(() => parsePort('auto:3000')).toThrow('"port" is "auto:3000"; "auto:" needs a range, e.g. "auto:3000-3100"');
  });

  it('round-trips through formatPort', () => {
    for (const text of ['3000', '3000-3003', 'auto:3000-3100']) expect(formatPort(parsePort(text))).toBe(text);
    expect(formatPort({ kind: 'none' })).toBe('');
  });
});

describe('checkPortFits', () => {
  it('accepts a range with at least one port per instance', () => {
    expect(() => checkPortFits({ kind: 'range', from: 3000, to: 3003 }, 4)).not.toThrow();
    expect(() => checkPortFits({ kind: 'single', port: 3000 }, 1)).not.toThrow();
  });

  it('suggests an auto: range for an auto: range that is too small', () => {
    expect(() => checkPortFits({ kind: 'auto', from: 4000, to: 4001 }, 3)).toThrow('use "auto:4000-4002"');
  });

  it('suggests a range that stays below 65536', () => {
    expect(() => checkPortFits({ kind: 'single', port: 65534 }, 4)).toThrow('use "65532-65535"');
  });
});

describe('checkPortConflicts', () => {
  it('names both apps and the overlapping ports', () => {
    const problems = checkPortConflicts([
      app('web', { kind: 'range', from: 3000, to: 3003 }),
      app('admin', { kind: 'single', port: 3002 }),
    ]);
    expect(problems).toEqual([
      'apps "web" (port "3000-3003") and "admin" (port "3002") both claim port 3002; give each app its own ports or use "auto:" ranges',
    ]);
  });

  it('finds nothing when fixed ports only touch', () => {
    expect(
      checkPortConflicts([app('a', { kind: 'range', from: 3000, to: 3003 }), app('b', { kind: 'range', from: 3004, to: 3007 })]),
    ).toEqual([]);
  });

  it('ignores auto: ranges, which the allocator keeps apart at run time', () => {
    expect(
      checkPortConflicts([
        app('a', { kind: 'auto', from: 3000, to: 3100 }),
        app('b', { kind: 'auto', from: 3000, to: 3100 }),
        app('c', { kind: 'range', from: 3000, to: 3003 }),
      ]),
    ).toEqual([]);
  });

  it('checks new apps against already loaded ones, skipping an app that replaces itself', () => {
    const running = [app('web', { kind: 'range', from: 3000, to: 3003 }), app('api', { kind: 'single', port: 4000 })];
    expect(checkPortConflicts([app('web', { kind: 'range', from: 3000, to: 3007 })], running)).toEqual([]);
    expect(checkPortConflicts([app('new', { kind: 'range', from: 3998, to: 4001 })], running)).toEqual([
      'app "new" (port "3998-4001") claims port 4000, already claimed by app "api" (port "4000"); choose other ports or use an "auto:" range',
    ]);
  });
});
