import { describe, expect, it } from 'vitest';
import { checkParams } from '../../../src/protocol/check-params.js';

describe('checkParams', () => {
  it.each([
    ['hello', [{ version: '1.0.0' }]],
    ['ping', []],
    ['subscribe', []],
    ['subscribe', [{ logs: true }]],
    ['unsubscribe', [3]],
    ['start', [[{ name: 'web', script: 'server.js' }]]],
    ['stop', [{ app: 'all' }]],
    ['stop', [{ app: 'web', instance: 2 }]],
    ['restart', [{ app: 'web' }, { rolling: true }]],
    ['scale', ['web', -2, { relative: true }]],
    ['stats', ['web']],
    ['logs', [{ app: 'web', lines: 5, stream: 'err' }]],
    ['kill', []],
  ] as const)('accepts %s with %j', (method, params) => {
    expect(checkParams(method, params)).toBeUndefined();
  });

  it.each([
    ['hello', [], /hello \{version\}/],
    ['ping', [1], /at most 0/],
    ['unsubscribe', ['1'], /subscription number/],
    ['start', [{ name: 'web' }], /array of app specs/],
    ['start', [[{ name: 'web' }]], /array of app specs/],
    ['stop', [null], /target/],
    ['stop', [{ app: 'web', instance: -1 }], /target/],
    ['stop', [{ app: 'web', instance: 1.5 }], /target/],
    ['scale', ['web', 'many'], /argument 2 of scale must be a number/],
    ['scale', ['', 2], /app name/],
    ['logs', [{ app: 'web', lines: 'all' }], /log query/],
    ['restart', [{ app: 'web' }, 'rolling'], /argument 2 of restart must be an object/],
  ] as const)('rejects %s with %j', (method, params, problem) => {
    expect(checkParams(method, params)).toMatch(problem);
  });
});
