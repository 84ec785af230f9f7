import { describe, expect, it } from 'vitest';
import type { ExitReason, ExitRecord } from '../../../../src/supervisor/types.js';
import { headerCounts } from '../../../../src/tui/components/header-counts.js';
import { headerLines } from '../../../../src/tui/components/header-lines.js';
import type { Mirror } from '../../../../src/tui/state/mirror.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { app, mirrorOf, NOW } from '../shell/fixtures.js';

const MINUTE = 60_000;
// Depth 'none': rows come back as plain text, whatever the test's terminal.
const THEME = createTheme('none', true);

function exit(reason: ExitReason, minutesAgo: number): ExitRecord {
  return { at: NOW - minutesAgo * MINUTE, code: reason === 'user' ? null : 1, signal: reason === 'user' ? 'SIGTERM' : null, reason, uptimeMs: 5000 };
}

/** `web`: one online, one errored after crashes; `api`: one online but unhealthy, one stopped by the user. */
function mirror(exits: { web1?: ExitRecord[]; api1?: ExitRecord[] } = {}): Mirror {
  return mirrorOf({
    web: app('web', 2, 3000, (id) => (id === 1 ? { status: 'errored', pid: undefined, health: 'unknown', exits: exits.web1 ?? [] } : {})),
    api: app('api', 2, 4000, (id) => (id === 0 ? { health: 'unhealthy' } : { status: 'stopped', desired: 'stopped', pid: undefined, health: 'unknown', exits: exits.api1 ?? [] })),
  });
}

describe('headerLines', () => {
  it('shows host CPU %, memory used/total and the 1-minute load on the first row', () => {
    const [first] = headerLines(mirror(), NOW, 200, THEME, 'daemon');
    expect(first).toBe('pmdaemon  cpu 23%  mem 3 GiB/8 GiB  load 0.50');
  });

  it('says host metrics are pending before the first sample', () => {
    const [first] = headerLines({ ...mirror(), host: null }, NOW, 200, THEME, 'daemon');
    expect(first).toBe('pmdaemon  host metrics pending');
  });

  it('shows online of total, unhealthy, restarts in the last hour and the daemon uptime on the second row', () => {
    const [, second] = headerLines(mirror({ web1: [exit('crash', 10)] }), NOW, 200, THEME, 'daemon');
    expect(second).toBe('online 2/4  unhealthy 1  restarts/1h 1  daemon up 1h00m');
  });

  it('does not count a stop by the user as a restart, but counts a crash', () => {
    const stopped = mirror({ api1: [exit('user', 5)] });
    expect(headerLines(stopped, NOW, 200, THEME, 'daemon')[1]).toContain('restarts/1h 0');
    const crashedToo = mirror({ api1: [exit('user', 5)], web1: [exit('crash', 3)] });
    expect(headerLines(crashedToo, NOW, 200, THEME, 'daemon')[1]).toContain('restarts/1h 1');
  });

  it('labels the in-process UI "(foreground)" and shows its uptime without "daemon"', () => {
    const [first, second] = headerLines(mirror(), NOW, 200, THEME, 'in-process');
    expect(first).toBe('pmdaemon (foreground)  cpu 23%  mem 3 GiB/8 GiB  load 0.50');
    expect(second).toBe('online 2/4  unhealthy 1  restarts/1h 0  up 1h00m');
  });
});

describe('headerCounts', () => {
  it('counts crash, memory-limit and health restarts of the last hour, not user stops, spawn failures or older exits', () => {
    const m = mirror({
      web1: [exit('crash', 90), exit('crash', 59), exit('memory-limit', 30), exit('spawn-failed', 20), exit('crash', 1)],
      api1: [exit('unhealthy', 40), exit('user', 10), exit('user', 2)],
    });
    expect(headerCounts(m, NOW)).toEqual({ online: 2, total: 4, unhealthy: 1, restartsLastHour: 4 });
  });
});
