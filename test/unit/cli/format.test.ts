import { describe, expect, it } from 'vitest';
import type { AppStats, InstanceInfo, ProcessRow } from '../../../src/api/types.js';
import { formatAgo, formatSpan, formatUptime } from '../../../src/cli/format/duration.js';
import { formatExit, formatInstanceInfo } from '../../../src/cli/format/info-text.js';
import { quoteWord } from '../../../src/cli/format/quote-word.js';
import { formatLogLine } from '../../../src/cli/format/log-lines.js';
import { compactBytes, formatProcessTable } from '../../../src/cli/format/process-table.js';
import { formatRollingStep } from '../../../src/cli/format/rolling-step.js';
import { formatStats } from '../../../src/cli/format/stats-text.js';
import { renderTable } from '../../../src/cli/format/table.js';
import { makeSpec } from '../../helpers/make-spec.js';

function row(overrides: Partial<ProcessRow> = {}): ProcessRow {
  return {
    id: 'web-0', name: 'web-0', app: 'web', instance: 0, namespace: 'default', pid: 4242, port: 3000, status: 'online',
    health: 'healthy', cpu: 1.5, memory: 44_400_000, uptime: 3_723_000, restarts: 2, reason: null, ...overrides,
  };
}

describe('durations', () => {
  it('shows uptimes in at most two units', () => {
    expect(formatUptime(0)).toBe('0s');
    expect(formatUptime(59_999)).toBe('59s');
    expect(formatUptime(61_000)).toBe('1m 1s');
    expect(formatUptime(3_723_000)).toBe('1h 2m');
    expect(formatUptime(4 * 86_400_000 + 3 * 3_600_000)).toBe('4d 3h');
    expect(formatUptime(-5)).toBe('0s');
  });

  it('shows configured durations the way they are written', () => {
    expect(formatSpan(500)).toBe('500ms');
    expect(formatSpan(1600)).toBe('1.6s');
    expect(formatSpan(120_000)).toBe('2m');
    expect(formatSpan(7_200_000)).toBe('2h');
    expect(formatAgo(1000, 4000)).toBe('3s ago');
  });
});

describe('compactBytes', () => {
  it('uses one-letter binary units', () => {
    expect(compactBytes(512)).toBe('512B');
    expect(compactBytes(1536)).toBe('1.5K');
    expect(compactBytes(44_400_000)).toBe('42.3M');
    expect(compactBytes(1.5 * 1024 ** 3)).toBe('1.5G');
  });
});

describe('renderTable', () => {
  it('aligns columns two spaces apart, numbers to the right', () => {
    expect(renderTable([{ header: 'id' }, { header: 'n', align: 'right' }], [['a', '1'], ['bbb', '100']], 80)).toEqual(['id     n', 'a      1', 'bbb  100']);
  });

  it('cuts a shrinkable column with "…", then narrows the gaps, to stay within the width', () => {
    const lines = renderTable([{ header: 'id', shrinkTo: 4 }, { header: 'x' }], [['abcdefghij', 'yyyy']], 10);
    expect(lines).toEqual(['id    x', 'abc…  yyyy']);
    const tight = renderTable([{ header: 'id', shrinkTo: 4 }, { header: 'x' }], [['abcdefghij', 'yyyy']], 9);
    expect(tight).toEqual(['id   x', 'abc… yyyy']);
  });
});

describe('formatProcessTable', () => {
  it('shows one instance per line under the documented headers', () => {
    const [header, line] = formatProcessTable([row()]);
    expect(header!.split(/\s+/)).toEqual(['id', 'status', 'health', 'pid', 'port', 'cpu', 'memory', 'uptime', 'restarts']);
    expect(line!.split(/\s{2,}/)).toEqual(['web-0', 'online', 'healthy', '4242', '3000', '1.5%', '42.3M', '1h 2m', '2']);
  });

  it('shows dashes for what a stopped instance does not have', () => {
    const [, line] = formatProcessTable([row({ pid: null, port: null, status: 'stopped', health: 'unknown', uptime: 0, memory: 0 })]);
    expect(line!.split(/\s{2,}/)).toEqual(['web-0', 'stopped', '-', '-', '-', '-', '-', '-', '2']);
  });

  it('fits 80 columns even with the widest value of every column', () => {
    const widest = row({
      id: 'a-very-long-application-name-that-goes-on-12', status: 'waiting-restart', health: 'unhealthy', pid: 4_194_304,
      port: 65_535, cpu: 1234.5, memory: 1023 * 1024 ** 3, uptime: 999 * 86_400_000, restarts: 123_456,
    });
    const lines = formatProcessTable([widest, row()]);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^a-very-… waiting-restart unhealthy 4194304 65535 1234\.5% +1023G 999d 0h +123456$/);
    expect(lines[1]).toContain('waiting-restart');
    expect(lines[1]).toMatch(/123456$/);
  });

  it('uses the extra width of a wider terminal instead of cutting names', () => {
    const long = row({ id: 'a-very-long-application-name-that-goes-on-and-on-12', status: 'waiting-restart', health: 'unhealthy' });
    expect(formatProcessTable([long], 80)[1]).toContain('…');
    expect(formatProcessTable([long], 200)[1]).toContain(long.id);
  });
});

describe('formatInstanceInfo', () => {
  const spec = makeSpec({
    name: 'web', script: '/usr/bin/node', args: ['server.js', 'a b'], instances: 2, port: { kind: 'range', from: 3000, to: 3001 },
    env: { NODE_ENV: 'production' }, maxMemoryBytes: 600 * 1024 ** 2,
    healthCheck: { type: 'http', url: 'http://127.0.0.1:${PORT}/health', intervalMs: 10_000, timeoutMs: 5000, retries: 3, graceMs: 0 },
  });
  const info: InstanceInfo = {
    row: row({ reason: null }),
    spec,
    env: { NODE_ENV: 'production', PORT: '3000', NODE_APP_INSTANCE: '0', PM2_INSTANCE_ID: '0', PMDAEMON_APP: 'web', HOME: '/root' },
    command: { file: '/usr/bin/node', args: ['server.js', 'a b'] },
    logs: { out: '/h/logs/web-0-out.log', err: '/h/logs/web-0-err.log' },
    lastHealth: { at: 1_000, ok: true, latencyMs: 3, message: 'HTTP 200' },
    exits: [
      { at: new Date(2025, 0, 31, 14, 5, 9).getTime(), code: 1, signal: null, reason: 'crash', uptimeMs: 3200 },
      { at: new Date(2025, 0, 31, 14, 6, 0).getTime(), code: null, signal: 'SIGKILL', reason: 'memory-limit', uptimeMs: 61_000, detail: 'RSS 700 MiB over 600 MiB' },
    ],
  };

  it('shows the command, ports, limits, health, log paths, the app env and the exits, newest first', () => {
    const text = formatInstanceInfo(info, 3_000).join('\n');
    expect(text).toMatch(/^web-0 {2}online {2}pid 4242 {2}port 3000 {2}uptime 1h 2m {2}restarts 2\n/);
    expect(text).toContain("command   /usr/bin/node server.js 'a b'");
    expect(text).toContain('app       web: 2 instances, port 3000-3001, namespace default');
    expect(text).toContain('memory    restart over 600 MiB');
    expect(text).toContain('health    healthy: http http://127.0.0.1:${PORT}/health every 10s, timeout 5s, 3 retries');
    expect(text).toContain('last ok 2s ago in 3 ms: HTTP 200');
    expect(text).toContain('logs      out /h/logs/web-0-out.log\n            err /h/logs/web-0-err.log');
    expect(text).toContain('env       NODE_ENV=production\n            PORT=3000');
    expect(text).not.toContain('HOME=');
    const exits = text.slice(text.indexOf('exits'));
    expect(exits.indexOf('memory-limit')).toBeLessThan(exits.indexOf('crash'));
  });

  it('shows an exit as time, code or signal, reason, uptime and detail', () => {
    expect(formatExit(info.exits[1]!)).toBe('2025-01-31 14:06:00  signal SIGKILL  memory-limit  after 1m 1s — RSS 700 MiB over 600 MiB');
    expect(formatExit(info.exits[0]!)).toBe('2025-01-31 14:05:09  code 1          crash         after 3s');
  });

  it('quotes only words that need it', () => {
    expect(quoteWord('--port=3000')).toBe('--port=3000');
    expect(quoteWord("it's")).toBe("'it'\\''s'");
  });
});

describe('other lines', () => {
  it('summarises stats', () => {
    const s: AppStats = { app: 'web', online: 3, total: 4, healthy: 2, unhealthy: 1, cpuTotal: 12.4, cpuAvg: 4.1, memoryTotal: 180 * 1024 ** 2, restarts: 5, uptimeMin: 65_000, uptimeMax: 3_723_000 };
    expect(formatStats(s)).toEqual([
      'web: 3/4 online, 2 healthy, 1 unhealthy',
      '  cpu       12.4% total, 4.1% average per online instance',
      '  memory    180 MiB total',
      '  restarts  5',
      '  uptime    1m 5s – 1h 2m (shortest – longest)',
    ]);
  });

  it('prefixes log lines with the instance, marking stderr', () => {
    expect(formatLogLine({ app: 'web', instance: 2, stream: 'out', line: 'hello' })).toBe('web-2 | hello');
    expect(formatLogLine({ app: 'web', instance: 2, stream: 'err', line: 'oops' })).toBe('web-2 err | oops');
  });

  it('shows a rolling-restart step', () => {
    expect(formatRollingStep('web', { instance: 1, phase: 'failed', detail: 'not healthy within 60s' })).toBe('web-1 failed: not healthy within 60s');
    expect(formatRollingStep('web', { instance: -1, phase: 'done' })).toBe('web: rolling restart done');
    expect(formatRollingStep('web', { instance: -1, phase: 'failed', detail: 'x' })).toBeUndefined();
  });
});
