import { describe, expect, it } from 'vitest';
import { formatUptime } from '../../../../src/tui/components/format-uptime.js';
import { autoscaleText, gridLines } from '../../../../src/tui/components/grid-lines.js';
import { gridRows } from '../../../../src/tui/state/grid-rows.js';
import { settleHost } from '../../../../src/tui/state/settle-host.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { app, mirrorOf, NOW } from '../shell/fixtures.js';

const MINUTE = 60_000;
const ASCII = createTheme('none', false);
const UNICODE = createTheme('none', true);

describe('formatUptime', () => {
  it('says "<1m" for the first minute, then whole minutes, hours and days', () => {
    const start = Date.UTC(2025, 0, 1, 12, 0, 30);
    expect(formatUptime(start, start + 59_999)).toBe('<1m');
    expect(formatUptime(start, start + 5 * MINUTE)).toBe('5m');
    expect(formatUptime(start, start + (2 * 60 + 5) * MINUTE)).toBe('2h05m');
    expect(formatUptime(start, start + (3 * 24 + 4) * 60 * MINUTE)).toBe('3d04h');
  });

  it('moves every uptime at the same whole wall-clock minute, whatever second each started at', () => {
    const starts = [0, 13, 29, 44, 58].map((s) => Date.UTC(2025, 0, 1, 12, 0, s));
    const shown = (now: number) => starts.map((start) => formatUptime(start, now));
    const before = shown(Date.UTC(2025, 0, 1, 12, 5, 59, 999));
    expect(new Set(before)).toEqual(new Set(['5m']));
    for (let second = 1; second < 60; second++) expect(shown(Date.UTC(2025, 0, 1, 12, 5, second))).toEqual(before);
    expect(new Set(shown(Date.UTC(2025, 0, 1, 12, 6, 0)))).toEqual(new Set(['6m']));
  });
});

describe('settleHost', () => {
  const host = { cpu: 20, cpus: 4, memTotal: 8 * 2 ** 30, memUsed: 3 * 2 ** 30, load: [0.5, 0.4, 0.3] as [number, number, number] };

  it('keeps showing the previous figures while they only jitter', () => {
    expect(settleHost(host, { ...host, cpu: 23, memUsed: host.memUsed + 2 ** 20, load: [0.7, 0.42, 0.3] })).toBe(host);
  });

  it('ignores the 5- and 15-minute load, which the header does not show and which decay for many minutes after a burst', () => {
    expect(settleHost(host, { ...host, load: [0.5, 1.4, 2.3] })).toBe(host);
  });

  it('follows a large load by tenths of its value', () => {
    const busy = { ...host, load: [8, 4, 2] as [number, number, number] };
    expect(settleHost(busy, { ...busy, load: [7.3, 4, 2] })).toBe(busy);
    const next = { ...busy, load: [7.1, 4, 2] as [number, number, number] };
    expect(settleHost(busy, next)).toBe(next);
  });

  it('takes the new figures once CPU, memory or load moves by more than noise', () => {
    for (const moved of [{ cpu: 26 }, { memUsed: host.memUsed + 2 ** 28 }, { load: [0.75, 0.4, 0.3] as [number, number, number] }]) {
      const next = { ...host, ...moved };
      expect(settleHost(host, next)).toBe(next);
    }
    expect(settleHost(null, host)).toBe(host);
  });
});

describe('the grid while nothing happens', () => {
  it('draws the same lines when a second passes and a zero-CPU sample arrives for a young instance', () => {
    const young = (samples: number) => ({ startedAt: NOW - 20_000, cpu: 0, history: Array.from({ length: samples }, (_, k) => ({ at: NOW - 1000 * (samples - k), cpu: 0, memory: 1 })) });
    const lines = (samples: number, now: number) =>
      gridLines({ rows: gridRows(mirrorOf({ web: app('web', 2, 3000, () => young(samples)) }), { collapsed: {}, text: '', faultsOnly: false }), selectedKey: undefined, width: 120, height: 10, theme: UNICODE, unicode: true, now, changed: {}, pendingScale: {}, rolling: {}, focused: true });
    expect(lines(4, NOW)).toEqual(lines(5, NOW + 1000));
    expect(lines(4, NOW).lines[1]?.text).toContain('<1m');
  });
});

describe('autoscale on the app row', () => {
  const spec = { min: 2, max: 8, cpuThreshold: 70, cooldownMs: 30_000, windowMs: 10_000 };

  it('shows the settings, then the last decision with its reason', () => {
    expect(autoscaleText(spec, undefined, UNICODE.glyphs)).toBe('auto 2–8 @70%');
    const last = { at: NOW, from: 3, to: 4, reason: 'avg CPU 84% > 70% over 10s' };
    expect(autoscaleText(spec, { last }, ASCII.glyphs)).toBe('auto 2-8 @70% | last +1 (avg CPU 84% > 70% over 10s)');
    expect(autoscaleText({ ...spec, memoryThreshold: 512 * 2 ** 20 }, { last: { ...last, to: 2 } }, ASCII.glyphs)).toMatch(/^auto 2-8 @70% mem 512MiB \| last -1 /);
  });

  it('puts it on the app row of an autoscaled app, cut to the width', () => {
    const web = app('web', 2, 3000);
    const auto = { ...web, spec: { ...web.spec, autoscale: spec }, autoscale: { last: { at: NOW, from: 1, to: 2, reason: 'avg CPU 90% > 70% over 10s' } } };
    const rows = gridRows(mirrorOf({ web: auto }), { collapsed: {}, text: '', faultsOnly: false });
    const row = (width: number) => gridLines({ rows, selectedKey: undefined, width, height: 5, theme: ASCII, unicode: false, now: NOW, changed: {}, pendingScale: {}, rolling: {}, focused: true }).lines[0]!.text;
    expect(row(120)).toContain('2/2 online  ports 3000-3001  auto 2-8 @70% | last +1 (avg CPU 90% > 70% over 10s)');
    expect(row(80)).toHaveLength(80);
    expect(row(80).endsWith('~')).toBe(true);
  });
});
