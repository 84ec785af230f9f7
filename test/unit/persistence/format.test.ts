import { describe, expect, it } from 'vitest';
import { parseFile, serializeFile, type PersistedFile } from '../../../src/daemon/persistence/format.js';
import { makeSpec } from '../../helpers/make-spec.js';

function sample(): PersistedFile {
  return {
    format: 1,
    savedAt: 1700000000000,
    killed: false,
    bootId: 'b',
    apps: [
      {
        spec: makeSpec({ name: 'web', instances: 3, port: { kind: 'auto', from: 3000, to: 3100 }, env: { A: 'x' } }),
        ports: [3000, undefined, 3002],
        instances: [
          { desired: 'running', pid: 10, pidStart: 99 },
          { desired: 'stopped', pid: null, pidStart: null },
          { desired: 'running', pid: 12, pidStart: 100 },
        ],
      },
    ],
  };
}

describe('the state file format', () => {
  it('round-trips a file, turning the null JSON writes for a port hole back into undefined', () => {
    const text = serializeFile(sample());
    expect(JSON.parse(text).apps[0].ports).toEqual([3000, null, 3002]);
    const parsed = parseFile(text);
    expect(parsed.apps[0]!.ports).toEqual([3000, undefined, 3002]);
    // toEqual, not toStrictEqual: JSON drops the spec's undefined fields (interpreter, …), which read back the same.
    expect(parsed).toEqual(sample());
    expect(parsed.apps[0]!.spec.interpreter).toBeUndefined();
  });

  it('reads a sparse port array (holes written by withPort) as undefined entries', () => {
    const ports: (number | undefined)[] = [];
    ports[2] = 3002;
    const file = sample();
    file.apps[0]!.ports = ports;
    expect(parseFile(serializeFile(file)).apps[0]!.ports).toEqual([undefined, undefined, 3002]);
  });

  it('takes the instance count from the instance list, whatever the spec says', () => {
    const file = sample();
    file.apps[0]!.spec = { ...file.apps[0]!.spec, instances: 7 };
    expect(parseFile(serializeFile(file)).apps[0]!.spec.instances).toBe(3);
  });

  it('rejects text that is not JSON, an unknown format and a broken app', () => {
    expect(() => parseFile('{"format": 1, "apps": [')).toThrow(SyntaxError);
    expect(() => parseFile('{"format": 2, "apps": []}')).toThrow(/unknown format 2/);
    expect(() => parseFile('[]')).toThrow(/not a JSON object/);
    const noName = JSON.parse(serializeFile(sample()));
    delete noName.apps[0].spec.name;
    expect(() => parseFile(JSON.stringify(noName))).toThrow(/apps\[0\]\.spec\.name is not a string/);
    const badDesired = JSON.parse(serializeFile(sample()));
    badDesired.apps[0].instances[1].desired = 'maybe';
    expect(() => parseFile(JSON.stringify(badDesired))).toThrow(/apps\[0\]\.instances\[1\]\.desired/);
    const badPort = JSON.parse(serializeFile(sample()));
    badPort.apps[0].ports[0] = 'x';
    expect(() => parseFile(JSON.stringify(badPort))).toThrow(/apps\[0\]\.ports\[0\] is not a port/);
  });

  it('reads a missing or malformed pid as null, so it is never signalled', () => {
    const file = JSON.parse(serializeFile(sample()));
    file.apps[0].instances[0].pid = -1;
    delete file.apps[0].instances[2].pidStart;
    const parsed = parseFile(JSON.stringify(file));
    expect(parsed.apps[0]!.instances[0]).toEqual({ desired: 'running', pid: null, pidStart: 99 });
    expect(parsed.apps[0]!.instances[2]).toEqual({ desired: 'running', pid: 12, pidStart: null });
  });
});
