import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostSampler } from '../../../src/supervisor/metrics/host-sampler.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fakeHost(stat: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'stat'), stat);
  fs.writeFileSync(path.join(dir, 'meminfo'), 'MemTotal: 8000 kB\nMemFree: 1000 kB\nMemAvailable: 6000 kB\n');
  return dir;
}

describe('createHostSampler', () => {
  it('reports busy time since the previous sample over all cores, memory used and load', () => {
    const dir = fakeHost('cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 0\ncpu1 0\ncpu2 0\ncpu3 0\n');
    const sampler = createHostSampler({ procRoot: dir, loadavg: () => [1.5, 1, 0.5] });
    expect(sampler.sample()).toEqual({ cpu: 20, cpus: 4, memTotal: 8000 * 1024, memUsed: 2000 * 1024, load: [1.5, 1, 0.5] });
    // +300 busy, +100 idle ticks.
    fs.writeFileSync(path.join(dir, 'stat'), 'cpu  300 0 200 850 50 0 0 0 0 0\ncpu0 0\ncpu1 0\ncpu2 0\ncpu3 0\n');
    expect(sampler.sample().cpu).toBeCloseTo(75);
  });

  it('averages CPU over the last 10 s, so one busy second on a quiet host moves it by a tenth', () => {
    const dir = fakeHost('cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 0\n');
    let at = 0;
    const sampler = createHostSampler({ procRoot: dir, now: () => at });
    sampler.sample();
    // One sample a second: 100 ticks each, all idle but the third second, which is all busy.
    let busy = 0;
    let idle = 0;
    const second = (busyTicks: number): number => {
      at += 1000;
      busy += busyTicks;
      idle += 100 - busyTicks;
      fs.writeFileSync(path.join(dir, 'stat'), `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 0\n`);
      return sampler.sample().cpu;
    };
    const figures = [0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map(second);
    expect(figures.slice(0, 4).map(Math.round)).toEqual([0, 0, 33, 25]);
    expect(figures[9]).toBeCloseTo(10);
    // Ten seconds on, the busy second has left the window.
    expect(figures.slice(-1)).toEqual([0]);
  });

  it('compares with the previous sample when it is older than the window', () => {
    const dir = fakeHost('cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 0\n');
    let at = 0;
    const sampler = createHostSampler({ procRoot: dir, now: () => at, windowMs: 10_000 });
    sampler.sample();
    at = 30_000;
    fs.writeFileSync(path.join(dir, 'stat'), 'cpu  500 0 0 1500 0 0 0 0 0 0\ncpu0 0\n');
    expect(sampler.sample().cpu).toBe(25);
  });

  it('reports 0 % when no tick passed between two samples', () => {
    const sampler = createHostSampler({ procRoot: fakeHost('cpu  1 0 1 8 0 0 0 0 0 0\ncpu0 0\n') });
    sampler.sample();
    expect(sampler.sample().cpu).toBe(0);
  });

  it('reads plausible figures from the real /proc', () => {
    const host = createHostSampler().sample();
    expect(host.cpus).toBe(os.cpus().length);
    expect(host.memTotal).toBeGreaterThan(64 * 1024 * 1024);
    expect(host.memUsed).toBeGreaterThan(0);
    expect(host.memUsed).toBeLessThan(host.memTotal);
    expect(host.cpu).toBeGreaterThanOrEqual(0);
    expect(host.cpu).toBeLessThanOrEqual(100);
    expect(host.load).toHaveLength(3);
  });
});
