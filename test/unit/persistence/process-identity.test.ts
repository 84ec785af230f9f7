import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { currentBootId, parseStartTime, processStartTime } from '../../../src/daemon/persistence/process-identity.js';

describe('process identity', () => {
  it('reads field 22 even when the command name holds spaces and parentheses', () => {
    const rest = 'S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 424242 20 21';
    expect(parseStartTime(`77 (a) b (c) ${rest}`)).toBe(424242);
    expect(parseStartTime('77 (short) S 1')).toBeNull();
  });

  it('gives a live process a start time and a finished one none', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const pid = child.pid!;
      const start = processStartTime(pid);
      expect(start).toBeGreaterThan(0);
      expect(start).toBeGreaterThanOrEqual(processStartTime(process.pid)!);
      expect(processStartTime(pid)).toBe(start);
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.once('exit', resolve));
    expect(processStartTime(child.pid!)).toBeNull();
  });

  it('knows the boot it runs in', () => {
    expect(currentBootId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
