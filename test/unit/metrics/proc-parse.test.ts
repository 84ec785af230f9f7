import { describe, expect, it } from 'vitest';
import { parseChildren, parseHostCpu, parseMeminfo, parsePidStat } from '../../../src/supervisor/metrics/proc-parse.js';
import { parseAuxv } from '../../../src/supervisor/metrics/system-constants.js';

const stat =
  '4242 (node (worker) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 30 0 0 20 0 11 0 98765 1000000 2560 18446744073709551615 1 1 0';

describe('parsePidStat', () => {
  it('reads ppid, utime+stime, threads, start time and rss after the last paren', () => {
    expect(parsePidStat(stat)).toEqual({ ppid: 1, cpuTicks: 280, numThreads: 11, startTime: 98765, rssPages: 2560 });
  });

  it('rejects text that is cut short or has no comm', () => {
    expect(parsePidStat(stat.slice(0, 60))).toBeUndefined();
    expect(parsePidStat('')).toBeUndefined();
  });
});

describe('parseChildren', () => {
  it('reads the space-terminated pid list and ignores the empty one', () => {
    expect(parseChildren('12 345 ')).toEqual([12, 345]);
    expect(parseChildren('')).toEqual([]);
  });
});

describe('parseHostCpu', () => {
  it('sums the first eight cpu columns, counts idle + iowait as idle and counts cpuN lines', () => {
    const text = 'cpu  10 1 5 100 4 0 2 3 50 0\ncpu0 5 0 2 50 2 0 1 1 0 0\ncpu1 5 1 3 50 2 0 1 2 0 0\nintr 1 2\n';
    expect(parseHostCpu(text)).toEqual({ total: 125, idle: 104, cpus: 2 });
  });
});

describe('parseMeminfo', () => {
  it('converts MemTotal and MemAvailable from kB to bytes', () => {
    expect(parseMeminfo('MemTotal:  1000 kB\nMemFree:  200 kB\nMemAvailable:  600 kB\n')).toEqual({
      memTotal: 1024_000,
      memAvailable: 614_400,
    });
  });

  it('approximates MemAvailable with free + buffers + cached on old kernels', () => {
    expect(parseMeminfo('MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 10 kB\nCached: 90 kB\n').memAvailable).toBe(200 * 1024);
  });
});

describe('parseAuxv', () => {
  const auxv = (pairs: Array<[number, number]>): Buffer => {
    const buf = Buffer.alloc(pairs.length * 16);
    pairs.forEach(([type, value], i) => {
      buf.writeBigUInt64LE(BigInt(type), i * 16);
      buf.writeBigUInt64LE(BigInt(value), i * 16 + 8);
    });
    return buf;
  };

  it('reads AT_PAGESZ and AT_CLKTCK', () => {
    expect(parseAuxv(auxv([[33, 1], [6, 65536], [17, 250], [0, 0]]), 8, 'LE')).toEqual({ pageSize: 65536, clockTicks: 250 });
  });

  it('keeps 4096 and 100 when the values are missing or absurd', () => {
    expect(parseAuxv(auxv([[6, 3000], [0, 0]]), 8, 'LE')).toEqual({ pageSize: 4096, clockTicks: 100 });
  });
});
