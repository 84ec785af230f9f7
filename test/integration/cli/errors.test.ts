import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanupHomes, daemonHome, oneErrorLine, requireBuild } from './cli-support.js';

beforeAll(requireBuild);
afterEach(cleanupHomes);

// [what, argv, exit code, the one stderr line]
const CASES: Array<[string, string[], number, string]> = [
  ['an unknown app lists the known ones', ['restart', 'nope'], 4, 'pmdaemon: no app named "nope"; known apps: idle'],
  ['an instance out of range', ['stop', 'idle', '--instance', '3'], 4, 'pmdaemon: app "idle" has instances 0-1; there is no instance 3'],
  ['info of an instance out of range', ['info', 'idle', '--instance', '2'], 4, 'pmdaemon: app "idle" has instances 0-1; there is no instance 2'],
  ['a malformed --instances', ['start', 'idle.mjs', '--name', 'x', '--instances', 'two'], 3, 'pmdaemon: app "x": --instances is "two"; use a positive number, "max" or -1'],
  ['a malformed --port', ['start', 'idle.mjs', '--name', 'x', '--port', '80-70'], 3, 'pmdaemon: app "x": --port is "80-70"; a range goes from low to high, e.g. "70-80"'],
  ['a bad duration', ['start', 'idle.mjs', '--name', 'x', '--restart-delay', '1 fortnight'], 3, 'pmdaemon: app "x": --restart-delay is "1 fortnight"; use a number of milliseconds or a string with a unit: "500ms", "10s", "2m", "1h"'],
  ['a bad size', ['start', 'idle.mjs', '--name', 'x', '--max-memory', '-5M'], 3, 'pmdaemon: app "x": --max-memory is "-5M"; use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"'],
  ['an unknown flag, with a suggestion', ['start', 'idle.mjs', '--instnaces', '2'], 2, 'pmdaemon: unknown flag "--instnaces" for "start"; did you mean "--instances"?'],
  ['an unknown command, with a suggestion', ['restrat', 'idle'], 2, 'pmdaemon: unknown command "restrat"; did you mean "restart"?'],
];

describe('pmdaemon with bad input (through a daemon)', () => {
  it('prints one clear line on stderr, nothing on stdout, and the documented exit code', async () => {
    const d = daemonHome();
    expect((await d.run(['start', 'idle.mjs', '--instances', '2'])).code).toBe(0);
    await d.list();
    const results = await Promise.all(CASES.map(([, argv]) => d.run(argv)));
    CASES.forEach(([what, , code, line], k) => {
      const result = results[k]!;
      expect({ what, code: result.code, line: oneErrorLine(result) }).toEqual({ what, code, line });
    });
    // Nothing was started or changed by any of them.
    expect((await d.list()).map((r) => [r.id, r.status, r.restarts])).toEqual([['idle-0', 'online', 0], ['idle-1', 'online', 0]]);
  });
});
