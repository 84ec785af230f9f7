import { describe, expect, it } from 'vitest';
import { AppRunningError } from '../../../src/api/api-errors.js';
import { EXIT, exitCodeFor, UsageError } from '../../../src/cli/exit-codes.js';
import { ConfigError } from '../../../src/config/index.js';
import { InstanceRangeError, ScaleError, UnknownAppError } from '../../../src/supervisor/errors.js';
import { PortRangeError } from '../../../src/supervisor/port-plan.js';

/** An error as the client rethrows it from the daemon: a plain Error carrying the daemon's name. */
function remote(name: string): Error {
  return Object.assign(new Error('from the daemon'), { name });
}

describe('exitCodeFor', () => {
  it('maps each kind of error to its documented code, local or rethrown from the daemon', () => {
    expect(exitCodeFor(new UsageError('x'))).toBe(EXIT.usage);
    expect(exitCodeFor(new ScaleError('x'))).toBe(EXIT.usage);
    expect(exitCodeFor(new ConfigError('x'))).toBe(EXIT.config);
    expect(exitCodeFor(new PortRangeError('x'))).toBe(EXIT.config);
    expect(exitCodeFor(new UnknownAppError('x', []))).toBe(EXIT.notFound);
    expect(exitCodeFor(new InstanceRangeError('x', 3, 2))).toBe(EXIT.notFound);
    expect(exitCodeFor(remote('UnknownAppError'))).toBe(EXIT.notFound);
    for (const name of ['DaemonNotRunningError', 'DaemonStartError', 'DaemonGoneError', 'VersionMismatchError']) expect(exitCodeFor(remote(name))).toBe(EXIT.daemon);
    expect(exitCodeFor(new AppRunningError('web'))).toBe(EXIT.failure);
    expect(exitCodeFor('a string')).toBe(EXIT.failure);
  });

  it('uses distinct codes', () => {
    expect(new Set(Object.values(EXIT)).size).toBe(Object.keys(EXIT).length);
  });
});
