import { describe, expect, it } from 'vitest';
import { toProcessRow } from '../../../src/api/process-row.js';
import type { InstanceInfo, ProcessRow } from '../../../src/api/types.js';
import { autoscaleState } from '../../../src/cli/commands/autoscale.js';
import { formatAutoscaleDecision, formatAutoscaleDetails, formatAutoscaleLines, type AutoscaleRow } from '../../../src/cli/format/autoscale-text.js';
import { formatInstanceInfo } from '../../../src/cli/format/info-text.js';
import type { AutoscaleSpec } from '../../../src/config/spec.js';
import type { AutoscaleDecision, AutoscaleStatus } from '../../../src/supervisor/types.js';
import { makeSpec } from '../../helpers/make-spec.js';
import { onlineInstance } from '../../helpers/online-instance.js';

const SETTINGS: AutoscaleSpec = { min: 2, max: 8, cpuThreshold: 70, cooldownMs: 30_000, windowMs: 10_000 };
// Local times, so the expected clock text does not depend on the machine's time zone.
const AT = new Date(2025, 0, 31, 12, 3, 4).getTime();
const NOW = new Date(2025, 0, 31, 12, 10, 0).getTime();
const LAST: AutoscaleDecision = { at: AT, from: 2, to: 3, reason: 'avg CPU 84% > 70% over 10s' };

function autoscaleRow(overrides: Partial<AutoscaleRow> = {}): AutoscaleRow {
  return { min: 2, max: 8, cpuThreshold: 70, memoryThreshold: null, cooldownMs: 30_000, windowMs: 10_000, last: LAST, ...overrides };
}

function row(app: string, instance: number, autoscale?: AutoscaleRow): ProcessRow {
  return {
    id: `${app}-${instance}`, name: `${app}-${instance}`, app, instance, namespace: 'default', pid: 10 + instance, port: null,
    status: 'online', health: 'unknown', cpu: 1, memory: 1000, uptime: 1000, restarts: 0, reason: null, ...(autoscale ? { autoscale } : {}),
  };
}

describe('toProcessRow', () => {
  it('adds the autoscale settings and last decision only to the rows of an autoscaled app', () => {
    const status: AutoscaleStatus = { last: LAST, lastChangeAt: AT, cpu: 80 };
    const spec = makeSpec({ autoscale: { ...SETTINGS, memoryThreshold: 1024 } });
    expect(toProcessRow(spec, onlineInstance('web', 0), NOW, status).autoscale).toEqual(autoscaleRow({ memoryThreshold: 1024 }));
    expect(toProcessRow(spec, onlineInstance('web', 0), NOW).autoscale).toEqual(autoscaleRow({ memoryThreshold: 1024, last: null }));
    expect('autoscale' in toProcessRow(makeSpec(), onlineInstance('web', 0), NOW, status)).toBe(false);
  });
});

describe('list: the autoscale lines', () => {
  it('prints one line per autoscaled app with its range, threshold, cooldown and last decision', () => {
    const rows = [row('web', 0, autoscaleRow()), row('web', 1, autoscaleRow()), row('db', 0), row('api', 0, autoscaleRow({ min: 1, max: 4, last: null }))];
    expect(formatAutoscaleLines(rows, NOW)).toEqual([
      'web: autoscale 2–8 at 70% CPU (cooldown 30s) · last: 2 → 3 at 12:03:04, avg CPU 84% > 70% over 10s',
      'api: autoscale 1–4 at 70% CPU (cooldown 30s) · last: no change yet',
    ]);
    expect(formatAutoscaleLines([row('db', 0)], NOW)).toEqual([]);
  });

  it('names the memory threshold when there is one', () => {
    const [line] = formatAutoscaleLines([row('web', 0, autoscaleRow({ memoryThreshold: 512 * 1024 ** 2, cooldownMs: 120_000 }))], NOW);
    expect(line).toMatch(/^web: autoscale 2–8 at 70% CPU or 512 MiB memory \(cooldown 2m\) · /);
  });
});

describe('formatAutoscaleDecision', () => {
  it('adds the date to a decision from another day, and words a refusal as staying', () => {
    expect(formatAutoscaleDecision(LAST, AT + 86_400_000)).toBe('2 → 3 at 2025-01-31 12:03:04, avg CPU 84% > 70% over 10s');
    const held = { at: AT, from: 8, to: 8, reason: 'avg CPU 95% > 70% over 10s; already at max 8' };
    expect(formatAutoscaleDecision(held, NOW)).toBe('stays at 8 since 12:03:04, avg CPU 95% > 70% over 10s; already at max 8');
  });
});

describe('formatAutoscaleDetails', () => {
  it('shows the settings, the latest averages and the last decision', () => {
    const status: AutoscaleStatus = { cpu: 45.23, memory: 100 * 1024 ** 2, last: LAST };
    expect(formatAutoscaleDetails(autoscaleRow({ last: null }), status, NOW)).toEqual([
      '2–8 instances, averaged over 10s, cooldown 30s',
      'up one above 70% CPU, down one below half of it',
      'now: avg CPU 45.2%, memory 100 MiB per online instance',
      'last: 2 → 3 at 12:03:04, avg CPU 84% > 70% over 10s',
    ]);
    expect(formatAutoscaleDetails(autoscaleRow({ last: null }), undefined, NOW).slice(2)).toEqual(['last: no change yet']);
  });
});

describe('info and autoscale --json', () => {
  const info = (overrides: Partial<InstanceInfo> = {}): InstanceInfo => ({
    row: row('web', 0), spec: makeSpec({ autoscale: SETTINGS }), env: {}, command: { file: 'node', args: ['server.js'] },
    logs: { out: '/o.log', err: '/e.log' }, lastHealth: null, exits: [], ...overrides,
  });

  it('shows the autoscale block in info only for an autoscaled app', () => {
    const lines = formatInstanceInfo(info({ autoscale: { cpu: 12, last: LAST } }), NOW);
    const at = lines.findIndex((l) => l.startsWith('  autoscale '));
    expect(lines.slice(at, at + 4)).toEqual([
      '  autoscale 2–8 instances, averaged over 10s, cooldown 30s',
      '            up one above 70% CPU, down one below half of it',
      '            now: avg CPU 12.0% per online instance',
      '            last: 2 → 3 at 12:03:04, avg CPU 84% > 70% over 10s',
    ]);
    expect(formatInstanceInfo(info({ spec: makeSpec() }), NOW).some((l) => l.includes('autoscale'))).toBe(false);
  });

  it('prints the settings with what was measured, or null when autoscaling is off', () => {
    expect(autoscaleState(info({ autoscale: { cpu: 12, memory: 2048, lastChangeAt: AT, last: LAST } }))).toEqual({
      app: 'web',
      autoscale: { ...SETTINGS, memoryThreshold: null, last: LAST, cpu: 12, memory: 2048, lastChangeAt: AT },
    });
    expect(autoscaleState(info({ spec: makeSpec() }))).toEqual({ app: 'web', autoscale: null });
  });
});
