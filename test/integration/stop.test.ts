import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isRunning } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';
import { fixtureSpec, instanceOf, pidOf, startSupervisor, stopSupervisors, tempDir, trackPid, waitForLine } from './support.js';

afterEach(stopSupervisors);

describe('stopping real instances', () => {
  it('SIGKILLs a child and grandchild that ignore SIGTERM once kill_timeout has passed', async () => {
    const pidFile = path.join(tempDir(), 'grandchild.pid');
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'stubborn', script: 'stubborn.sh', kill_timeout: 300, env: { PID_FILE: pidFile } }));
    const leader = pidOf(sup, 'stubborn', 0);
    const grandchild = await waitFor(() => fs.existsSync(pidFile) && Number(fs.readFileSync(pidFile, 'utf8').trim()), { what: 'the grandchild pid' });
    trackPid(grandchild);
    expect(isRunning(grandchild)).toBe(true);

    const began = Date.now();
    await sup.stopApp('stubborn');
    const took = Date.now() - began;

    expect(isRunning(leader)).toBe(false);
    expect(isRunning(grandchild)).toBe(false);
    const stopped = instanceOf(sup, 'stubborn', 0);
    expect(stopped).toMatchObject({ status: 'stopped', desired: 'stopped', pid: undefined });
    expect(stopped.exits).toHaveLength(1);
    expect(stopped.exits[0]).toMatchObject({ reason: 'user', code: null, signal: 'SIGKILL' });
    expect(took).toBeGreaterThanOrEqual(300);
  });

  it('stops a child that exits on SIGTERM well before kill_timeout, without SIGKILL', async () => {
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'polite', script: 'idle.mjs', instances: 2, kill_timeout: '5s' }));
    const pids = [pidOf(sup, 'polite', 0), pidOf(sup, 'polite', 1)];
    await Promise.all([waitForLine(sup, 'polite', 0), waitForLine(sup, 'polite', 1)]);

    const began = Date.now();
    await sup.stopApp('polite');
    const took = Date.now() - began;

    expect(took).toBeLessThan(2500);
    for (const [id, pid] of pids.entries()) {
      expect(isRunning(pid)).toBe(false);
      const stopped = instanceOf(sup, 'polite', id);
      expect(stopped.status).toBe('stopped');
      // idle.mjs answers SIGTERM with exit(0): a SIGKILL would show as signal 'SIGKILL', code null.
      expect(stopped.exits).toEqual([expect.objectContaining({ reason: 'user', code: 0, signal: null })]);
    }
  });

  it('stops only the addressed instance and starts it again on request', async () => {
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'pair', script: 'idle.mjs', instances: 2 }));
    const [first, second] = [pidOf(sup, 'pair', 0), pidOf(sup, 'pair', 1)];

    await sup.stopApp('pair', { instance: 1 });
    expect(isRunning(second)).toBe(false);
    expect(instanceOf(sup, 'pair', 1).status).toBe('stopped');
    expect(instanceOf(sup, 'pair', 0)).toMatchObject({ status: 'online', pid: first });

    await sup.startApp('pair', { instance: 1 });
    const again = instanceOf(sup, 'pair', 1);
    expect(again.status).toBe('online');
    expect(again.pid).not.toBe(second);
    expect(isRunning(again.pid!)).toBe(true);
  });
});
