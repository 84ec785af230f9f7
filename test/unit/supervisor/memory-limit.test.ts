import { describe, expect, it } from 'vitest';
import { memoryLimitExceeded } from '../../../src/supervisor/memory-limit.js';

const MiB = 1024 * 1024;

describe('memoryLimitExceeded', () => {
  it('gives no reason when the app has no memory limit', () => {
    expect(memoryLimitExceeded(64 * 1024 * MiB, undefined)).toBeUndefined();
  });

  it('gives no reason while memory is under or exactly at the limit', () => {
    expect(memoryLimitExceeded(100 * MiB, 600 * MiB)).toBeUndefined();
    expect(memoryLimitExceeded(600 * MiB, 600 * MiB)).toBeUndefined();
  });

  it('explains the restart with the memory and the limit in binary units once over it', () => {
    expect(memoryLimitExceeded(600 * MiB + 1, 600 * MiB)).toBe('memory 600 MiB over max_memory_restart 600 MiB');
    expect(memoryLimitExceeded(1.5 * 1024 * MiB, 512 * MiB)).toBe('memory 1.5 GiB over max_memory_restart 512 MiB');
  });
});
