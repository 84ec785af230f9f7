import { describe, expect, it } from 'vitest';
import type { AutoscaleSpec } from '../../../src/config/spec.js';
import { decideAutoscale, type AutoscaleInput } from '../../../src/supervisor/autoscale/decide.js';
import { percentAgainst } from '../../../src/supervisor/autoscale/reason-text.js';
import { windowAverages, windowCovered } from '../../../src/supervisor/autoscale/window.js';
import { MAX_HISTORY, type MetricSample } from '../../../src/supervisor/types.js';

const MiB = 1024 ** 2;
const NOW = 1_000_000;

const SPEC: AutoscaleSpec = { min: 1, max: 4, cpuThreshold: 70, cooldownMs: 30_000, windowMs: 10_000 };

/** One sample per second from `fromMs` before NOW up to NOW, all with this CPU and memory. */
function history(cpu: number, { fromMs = 20_000, memory = 100 * MiB } = {}): MetricSample[] {
  const out: MetricSample[] = [];
  for (let at = NOW - fromMs; at <= NOW; at += 1000) out.push({ at, cpu, memory });
  return out;
}

function input(overrides: Partial<AutoscaleInput> & { cpu?: number[] } = {}): AutoscaleInput {
  const { cpu = [50, 50], ...rest } = overrides;
  return { spec: SPEC, count: cpu.length, histories: cpu.map((c) => history(c)), now: NOW, ...rest };
}

describe('decideAutoscale: thresholds', () => {
  it('adds one instance when the average CPU is above the threshold', () => {
    expect(decideAutoscale(input({ cpu: [90, 78] }))).toEqual({ to: 3, reason: 'avg CPU 84% > 70% over 10s', changed: true });
  });

  it('does nothing at exactly the threshold, nor anywhere between half of it and it', () => {
    expect(decideAutoscale(input({ cpu: [70, 70] }))).toBeUndefined();
    expect(decideAutoscale(input({ cpu: [35, 35] }))).toBeUndefined();
    expect(decideAutoscale(input({ cpu: [50, 20] }))).toBeUndefined();
  });

  it('removes one instance when the average CPU is below half of the threshold', () => {
    expect(decideAutoscale(input({ cpu: [10, 14] }))).toEqual({ to: 1, reason: 'avg CPU 12% < 35% (half of 70%) over 10s', changed: true });
  });

  it('averages instances equally however many samples each has in the window', () => {
    const sparse = history(90).filter((s) => s.at % 5000 === 0);
    const result = decideAutoscale({ ...input({ cpu: [50] }), count: 2, histories: [sparse, history(60)] });
    expect(result?.reason).toBe('avg CPU 75% > 70% over 10s');
  });

  it('shows a decimal when rounding would hide which side of the threshold the average is on', () => {
    expect(decideAutoscale(input({ cpu: [70.4, 70.4] }))?.reason).toBe('avg CPU 70.4% > 70% over 10s');
    expect(decideAutoscale(input({ cpu: [34.8, 34.8] }))?.reason).toBe('avg CPU 34.8% < 35% (half of 70%) over 10s');
    expect(percentAgainst(69.99, 70)).toBe('69.99');
  });
});

describe('decideAutoscale: the window', () => {
  it('uses only the samples inside the window', () => {
    const hot = history(95, { fromMs: 60_000 }).map((s) => (s.at > NOW - 10_000 ? { ...s, cpu: 20 } : s));
    expect(decideAutoscale({ ...input(), count: 2, histories: [hot, hot] })?.reason).toBe('avg CPU 20% < 35% (half of 70%) over 10s');
  });

  it('waits until the samples reach back a whole window', () => {
    const young = (cpu: number): MetricSample[] => history(cpu, { fromMs: 9000 });
    expect(decideAutoscale({ ...input(), histories: [young(95), young(95)] })).toBeUndefined();
    const covered = (cpu: number): MetricSample[] => history(cpu, { fromMs: 10_000 });
    expect(decideAutoscale({ ...input(), histories: [covered(95), young(95)] })?.to).toBe(3);
  });

  it('decides on a full history even when the window is longer than the history keeps', () => {
    const full = history(95, { fromMs: (MAX_HISTORY - 1) * 1000 });
    const spec = { ...SPEC, windowMs: 600_000 };
    expect(decideAutoscale({ ...input(), spec, histories: [full] })?.to).toBe(3);
    expect(decideAutoscale({ ...input(), spec, histories: [full.slice(1)] })).toBeUndefined();
  });

  it('never uses a sample from before the last change, and waits a whole window after it', () => {
    const spec = { ...SPEC, cooldownMs: 5000 };
    const calmThenHot = history(10, { fromMs: 60_000 }).map((s) => (s.at > NOW - 9000 ? { ...s, cpu: 95 } : s));
    const base = { ...input(), spec, histories: [calmThenHot, calmThenHot] };
    expect(windowAverages({ ...base, lastChangeAt: NOW - 9000 })).toEqual({ cpu: 95, memory: 100 * MiB });
    expect(windowCovered({ ...base, lastChangeAt: NOW - 9000 })).toBe(false);
    expect(decideAutoscale({ ...base, lastChangeAt: NOW - 9000 })).toBeUndefined();
    expect(windowCovered({ ...base, lastChangeAt: NOW - 10_000 })).toBe(true);
    expect(decideAutoscale({ ...base, lastChangeAt: NOW - 10_000 })?.to).toBe(3);
  });

  it('skips an online instance with no sample in the window yet', () => {
    const result = decideAutoscale({ ...input(), count: 3, histories: [history(90), history(80), []] });
    expect(result).toEqual({ to: 4, reason: 'avg CPU 85% > 70% over 10s', changed: true });
  });

  it('does nothing without a sample in the window or without an online instance', () => {
    const old = history(95, { fromMs: 60_000 }).filter((s) => s.at <= NOW - 10_000);
    expect(decideAutoscale({ ...input(), histories: [old] })).toBeUndefined();
    expect(decideAutoscale({ ...input(), count: 0, histories: [] })).toBeUndefined();
    expect(decideAutoscale({ ...input({ cpu: [95] }), spec: { ...SPEC, min: 2 }, count: 1, histories: [] })).toBeUndefined();
  });
});

describe('decideAutoscale: cooldown', () => {
  it('changes nothing within the cooldown of the last change, even outside [min, max]', () => {
    const hot = input({ cpu: [95, 95] });
    expect(decideAutoscale({ ...hot, lastChangeAt: NOW - 29_999 })).toBeUndefined();
    expect(decideAutoscale({ ...hot, count: 9, lastChangeAt: NOW - 29_999 })).toBeUndefined();
    expect(decideAutoscale({ ...hot, lastChangeAt: NOW - 30_000 })?.to).toBe(3);
  });
});

describe('decideAutoscale: min and max', () => {
  it('goes straight to min or max from outside the range, without waiting for the window', () => {
    const young = [history(95, { fromMs: 0 })];
    const spec = { ...SPEC, min: 3, max: 6 };
    expect(decideAutoscale({ ...input(), spec, count: 1, histories: young })).toEqual({ to: 3, reason: 'below min 3', changed: true });
    expect(decideAutoscale({ ...input(), spec, count: 9, histories: young })).toEqual({ to: 6, reason: 'above max 6', changed: true });
  });

  it('never goes above max: over the threshold at max is reported but changes nothing', () => {
    const atMax = input({ cpu: [95, 95, 95, 95] });
    expect(decideAutoscale(atMax)).toEqual({ to: 4, reason: 'avg CPU 95% > 70% over 10s; already at max 4', changed: false });
  });

  it('never goes below min: idle at min is left alone', () => {
    expect(decideAutoscale(input({ cpu: [5] }))).toBeUndefined();
    expect(decideAutoscale({ ...input({ cpu: [5, 5] }), spec: { ...SPEC, min: 2 } })).toBeUndefined();
  });
});

describe('decideAutoscale: memory', () => {
  const spec: AutoscaleSpec = { ...SPEC, memoryThreshold: 512 * MiB };
  const withMemory = (cpu: number, memory: number): AutoscaleInput => ({
    ...input(), spec, histories: [history(cpu, { memory }), history(cpu, { memory })],
  });

  it('adds one instance when the average memory is above its threshold, even with idle CPU', () => {
    expect(decideAutoscale(withMemory(5, 612 * MiB))).toEqual({ to: 3, reason: 'avg memory 612 MiB > 512 MiB over 10s', changed: true });
  });

  it('names both when CPU and memory are over', () => {
    expect(decideAutoscale(withMemory(90, 600 * MiB))?.reason).toBe('avg CPU 90% > 70% and memory 600 MiB > 512 MiB over 10s');
  });

  it('removes one only when CPU and memory are both below half of their thresholds', () => {
    expect(decideAutoscale(withMemory(5, 300 * MiB))).toBeUndefined();
    expect(decideAutoscale(withMemory(5, 100 * MiB))).toEqual({
      to: 1, reason: 'avg CPU 5% < 35% (half of 70%), memory 100 MiB < 256 MiB (half of 512 MiB) over 10s', changed: true,
    });
  });

  it('ignores memory when no memory threshold is set', () => {
    expect(decideAutoscale({ ...withMemory(5, 8000 * MiB), spec: SPEC })?.to).toBe(1);
  });
});
