import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/lib/format-bytes.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe('formatBytes', () => {
  it('shows whole bytes below 1 KiB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('switches unit at exactly 1024', () => {
    expect(formatBytes(KiB)).toBe('1 KiB');
    expect(formatBytes(MiB)).toBe('1 MiB');
    expect(formatBytes(GiB)).toBe('1 GiB');
    expect(formatBytes(1024 * GiB)).toBe('1 TiB');
  });

  it('shows one decimal below 100 and drops a trailing .0', () => {
    expect(formatBytes(1.5 * MiB)).toBe('1.5 MiB');
    expect(formatBytes(1.25 * GiB)).toBe('1.3 GiB');
    expect(formatBytes(2 * MiB + 10)).toBe('2 MiB');
    expect(formatBytes(99.94 * MiB)).toBe('99.9 MiB');
  });

  it('rounds to a whole number from 100 up', () => {
    expect(formatBytes(600 * MiB)).toBe('600 MiB');
    expect(formatBytes(150.6 * MiB)).toBe('151 MiB');
    expect(formatBytes(99.96 * MiB)).toBe('100 MiB');
  });

  it('stays in TiB for sizes past the largest unit', () => {
    expect(formatBytes(2048 * 1024 * GiB)).toBe('2048 TiB');
  });
});
