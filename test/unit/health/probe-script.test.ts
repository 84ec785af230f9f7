import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeScript } from '../../../src/supervisor/health/probe-script.js';
import { isRunning, waitFor } from '../../helpers/processes.js';

let dir: string;
const leftovers: number[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
});
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function pidFrom(file: string): number {
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  leftovers.push(pid);
  return pid;
}

describe('probeScript', () => {
  it('is ok when the script exits 0, running in cwd with env', async () => {
    const result = await probeScript('test "$(pwd)" = "$WANT_DIR" && test "$PORT" = 3001', {
      cwd: dir,
      env: { PATH: process.env.PATH, WANT_DIR: fs.realpathSync(dir), PORT: '3001' },
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({ ok: true, message: 'exit code 0' });
  });

  it('fails with the exit code and the first line of stderr', async () => {
    const result = await probeScript('echo >&2; echo "db unreachable" >&2; echo second >&2; exit 1', { timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, message: 'exit code 1: db unreachable' });
  });

  it('kills the script and its children when it runs past the timeout', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const result = await probeScript(`sleep 60 & echo $! > ${pidFile}; wait`, { timeoutMs: 500 });
    expect(result).toMatchObject({ ok: false, message: 'timed out after 500 ms' });
    expect(result.latencyMs).toBeLessThan(5000);
    const child = pidFrom(pidFile);
    await waitFor(() => !isRunning(child), { timeoutMs: 5000, what: `pid ${child} to be gone` });
  });

  it('reaps a background process the script leaves behind instead of waiting for it', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const result = await probeScript(`sleep 60 & echo $! > ${pidFile}`, { timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: true, message: 'exit code 0' });
    expect(result.latencyMs).toBeLessThan(4000);
    const child = pidFrom(pidFile);
    await waitFor(() => !isRunning(child), { timeoutMs: 5000, what: `pid ${child} to be gone` });
  });

  it('fails without throwing when the cwd does not exist', async () => {
    const result = await probeScript('true', { cwd: path.join(dir, 'missing'), timeoutMs: 5000 });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^cannot run health check script: .*ENOENT/);
  });
});
