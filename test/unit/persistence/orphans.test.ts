import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersistedFile } from '../../../src/daemon/persistence/format.js';
import { findOrphans, stopOrphans } from '../../../src/daemon/persistence/orphans.js';
import { makeSpec } from '../../helpers/make-spec.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';

const STUBBORN = fileURLToPath(new URL('../../fixtures/stubborn.sh', import.meta.url));

function fileWith(bootId: string | undefined, pids: Array<[number | null, number | null]>): PersistedFile {
  return {
    format: 1,
    savedAt: 0,
    killed: false,
    bootId,
    apps: [
      {
        spec: makeSpec({ name: 'web', instances: pids.length, killSignal: 'SIGINT', killTimeoutMs: 300 }),
        ports: [],
        instances: pids.map(([pid, pidStart]) => ({ desired: 'running', pid, pidStart })),
      },
    ],
  };
}

const read = (bootId: string | undefined, starts: Record<number, number>) => ({
  bootId: () => bootId,
  startTime: (pid: number) => starts[pid] ?? null,
});

describe('findOrphans', () => {
  it('names the instances whose pid still runs with the recorded start time', () => {
    const file = fileWith('boot', [[10, 100], [11, 110], [null, null], [13, null]]);
    expect(findOrphans(file, read('boot', { 10: 100, 11: 999, 13: 130 }))).toEqual([
      { app: 'web', instance: 0, pid: 10, signal: 'SIGINT', timeoutMs: 300 },
    ]);
  });

  it('finds none in a file written during another boot', () => {
    expect(findOrphans(fileWith('old-boot', [[10, 100]]), read('boot', { 10: 100 }))).toEqual([]);
  });

  it('relies on the start time alone when the boot is unknown', () => {
    expect(findOrphans(fileWith(undefined, [[10, 100]]), read('boot', { 10: 100 }))).toHaveLength(1);
  });
});

describe('stopOrphans', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('kills the whole group of an orphan that ignores its signal once the timeout passes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
    dirs.push(dir);
    const pidFile = path.join(dir, 'grandchild.pid');
    const child = spawn('sh', [STUBBORN], { detached: true, stdio: 'ignore', env: { ...process.env, PID_FILE: pidFile } });
    children.push(child);
    const grandchild = await waitFor(() => fs.existsSync(pidFile) && Number(fs.readFileSync(pidFile, 'utf8')), { what: 'the grandchild pid' });
    const startedAt = Date.now();
    const warnings: string[] = [];
    await stopOrphans([{ app: 'web', instance: 0, pid: child.pid!, signal: 'SIGTERM', timeoutMs: 300 }], (m) => warnings.push(m));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(280);
    expect(isRunning(child.pid!)).toBe(false);
    expect(isRunning(grandchild)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('returns at once for an orphan that is already gone', async () => {
    const child = spawn(process.execPath, ['-e', ''], { detached: true, stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    const startedAt = Date.now();
    await stopOrphans([{ app: 'web', instance: 0, pid: child.pid!, signal: 'SIGTERM', timeoutMs: 5000 }], () => undefined);
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });
});
