import { describe, expect, it } from 'vitest';
import { logPaths, logsDir } from '../../../src/supervisor/logs/log-paths.js';

describe('logPaths', () => {
  it('gives each instance its own out and err file under $PMDAEMON_HOME/logs', () => {
    expect(logPaths('/home/u/.pmdaemon', 'web', 3, false)).toEqual({
      out: '/home/u/.pmdaemon/logs/web-3-out.log',
      err: '/home/u/.pmdaemon/logs/web-3-err.log',
    });
    expect(logsDir('/home/u/.pmdaemon')).toBe('/home/u/.pmdaemon/logs');
  });

  it('gives every instance of an app the same pair with merge_logs', () => {
    expect(logPaths('/h', 'api.v2', 0, true)).toEqual({ out: '/h/logs/api.v2-out.log', err: '/h/logs/api.v2-err.log' });
    expect(logPaths('/h', 'api.v2', 7, true)).toEqual(logPaths('/h', 'api.v2', 0, true));
  });
});
