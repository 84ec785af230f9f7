import { describe, expect, it } from 'vitest';
import type { MetricSample } from '../../../../src/api/types.js';
import { buildCompare, differencesOnly, type CompareModel } from '../../../../src/tui/compare/build-compare.js';
import { median, percentile } from '../../../../src/tui/compare/stats.js';
import { instance } from '../topology/wire-fixtures.js';
import { makeSpec } from '../../../helpers/make-spec.js';

const NOW = 10_000_000;
const MIB = 1024 * 1024;

function samples(cpu: readonly number[], memoryMib: readonly number[] = cpu.map(() => 50)): MetricSample[] {
  return cpu.map((c, k) => ({ at: NOW - (cpu.length - k) * 1000, cpu: c, memory: memoryMib[k]! * MIB }));
}

function row(model: CompareModel, metric: string) {
  const found = model.rows.find((r) => r.metric === metric);
  if (!found) throw new Error(`no row ${metric}`);
  return found;
}

function api(instances: ReturnType<typeof instance>[]) {
  return { spec: makeSpec({ name: 'api', instances: instances.length }), instances };
}

describe('stats', () => {
  it('takes p95 by nearest rank and the median of odd and even counts', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([5, 1, 3], 95)).toBe(5);
    expect(percentile([], 95)).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('buildCompare', () => {
  it('computes CPU average and p95 over the history, memory now and peak', () => {
    const cpu = Array.from({ length: 20 }, (_, k) => k); // 0..19: avg 9.5, p95 = 19th value = 18
    const i0 = instance('api', 0, { memory: 40 * MIB, history: samples(cpu, cpu.map((k) => 30 + k)) });
    const model = buildCompare('api', api([i0]), { now: NOW });
    expect(row(model, 'cpuAvg').cells[0]).toMatchObject({ value: 9.5, text: '9.5%' });
    expect(row(model, 'cpuP95').cells[0]).toMatchObject({ value: 18, text: '18.0%' });
    expect(row(model, 'memoryNow').cells[0]).toMatchObject({ value: 40 * MIB, text: '40M' });
    expect(row(model, 'memoryPeak').cells[0]).toMatchObject({ value: 49 * MIB, text: '49M' });
    expect(model.windowMs).toBe(20_000);
  });

  it('uses only the samples inside the window', () => {
    const i0 = instance('api', 0, { history: samples([90, 90, 90, 10, 10]) });
    const model = buildCompare('api', api([i0]), { now: NOW, windowMs: 2000 });
    expect(row(model, 'cpuAvg').cells[0]!.value).toBe(10);
    expect(model.windowMs).toBe(2000);
  });

  it('shows restarts, uptime from startedAt and health latency, and "-" where there is no value', () => {
    const i0 = instance('api', 0, { restarts: 2, startedAt: NOW - 90_000, lastHealth: { at: NOW, ok: true, latencyMs: 12.4, message: 'ok' } });
    const i1 = instance('api', 1, { status: 'stopped', pid: undefined });
    const model = buildCompare('api', api([i0, i1]), { now: NOW });
    expect(row(model, 'restarts').cells.map((c) => c.text)).toEqual(['2', '0']);
    expect(row(model, 'uptime').cells.map((c) => c.text)).toEqual(['1m30s', '-']);
    expect(row(model, 'healthLatency').cells.map((c) => c.text)).toEqual(['12ms', '-']);
    expect(row(model, 'memoryNow').cells[1]).toEqual({ text: '-', outlier: false });
    expect(row(model, 'status').cells.map((c) => c.text)).toEqual(['online', 'stopped']);
    expect(model.columns.map((c) => c.label)).toEqual(['api-0', 'api-1']);
  });

  it('marks values over 1.5x the median where higher is worse', () => {
    const mem = [100, 100, 110, 160];
    const instances = mem.map((m, id) => instance('api', id, { memory: m * MIB, restarts: id === 2 ? 3 : 0, startedAt: NOW - (id + 1) * 1e6, history: samples([id === 1 ? 40 : 10]) }));
    const model = buildCompare('api', api(instances), { now: NOW });
    // memory median 105 MiB: 160 > 157.5 is an outlier, 110 is not.
    expect(row(model, 'memoryNow').cells.map((c) => c.outlier)).toEqual([false, false, false, true]);
    expect(row(model, 'cpuAvg').cells.map((c) => c.outlier)).toEqual([false, true, false, false]);
    expect(row(model, 'restarts').cells.map((c) => c.outlier)).toEqual([false, false, true, false]);
    // Uptime is not a "higher is worse" metric: the long-running instance is not an outlier.
    expect(row(model, 'uptime').cells.every((c) => !c.outlier)).toBe(true);
  });

  it('does not mark differences below the noise floor, even at many times the median', () => {
    const instances = [0.1, 0.1, 0.6].map((c, id) => instance('api', id, { history: samples([c]) }));
    expect(row(buildCompare('api', api(instances), { now: NOW }), 'cpuAvg').cells.some((c) => c.outlier)).toBe(false);
  });

  it('keeps only the metrics whose displayed values differ with differencesOnly', () => {
    const instances = [1.01, 1.04, 1.03].map((c, id) => instance('api', id, { history: samples([c]), restarts: id === 0 ? 1 : 0 }));
    const model = buildCompare('api', api(instances), { now: NOW });
    const metrics = differencesOnly(model).rows.map((r) => r.metric);
    expect(metrics).toContain('restarts');
    expect(metrics).not.toContain('cpuAvg'); // 1.0% everywhere once rounded
    expect(metrics).not.toContain('status');
    expect(model.rows.map((r) => r.metric)).toContain('cpuAvg');
  });
});
