import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceStatus } from '../../src/supervisor/types.js';
import { fixtureSpec, instanceOf, startSupervisor, stopSupervisors, waitForInstance } from './support.js';

afterEach(stopSupervisors);

const crasher = (raw: Record<string, unknown>) => fixtureSpec({ script: 'crash.mjs', ...raw });

describe('restarts of crashing real instances', () => {
  it('restarts a crashed instance after restart_delay, recording the exit as a crash', async () => {
    const { sup } = startSupervisor();
    const seen: Array<{ status: InstanceStatus; pid: number | undefined }> = [];
    sup.store.subscribe((s) => {
      const i = s.apps.crashy?.instances[0];
      const last = seen.at(-1);
      if (i && (last?.status !== i.status || last.pid !== i.pid)) seen.push({ status: i.status, pid: i.pid });
    });
    await sup.addApp(crasher({ name: 'crashy', restart_delay: 200, env: { EXIT_CODE: '3', CRASH_AFTER_MS: '300' } }));
    const firstPid = instanceOf(sup, 'crashy', 0).pid;

    const back = await waitForInstance(sup, 'crashy', 0, (i) => i.status === 'online' && i.pid !== firstPid && i.restarts === 1);
    const exit = back.exits[0];
    expect(exit).toMatchObject({ code: 3, signal: null, reason: 'crash', detail: 'exited with code 3' });
    expect(exit?.uptimeMs).toBeGreaterThanOrEqual(300);
    expect(back.startedAt! - exit!.at).toBeGreaterThanOrEqual(200);
    expect(seen.slice(0, 6)).toEqual([
      { status: 'stopped', pid: undefined }, // registered, not yet started
      { status: 'starting', pid: undefined },
      { status: 'online', pid: firstPid },
      { status: 'waiting-restart', pid: undefined },
      { status: 'starting', pid: undefined },
      { status: 'online', pid: back.pid },
    ]);
  });

  it('gives up with errored after max_restarts exits in a row within min_uptime', async () => {
    const { sup } = startSupervisor();
    await sup.addApp(crasher({ name: 'loop', restart_delay: 100, min_uptime: '1s', max_restarts: 3 }));

    const errored = await waitForInstance(sup, 'loop', 0, (i) => i.status === 'errored');
    expect(errored.reason).toContain('max_restarts 3');
    expect(errored.reason).toContain('exited with code 1');
    expect(errored.exits.map((e) => e.reason)).toEqual(['crash', 'crash', 'crash']);
    expect(errored.restarts).toBe(2);
    expect(errored.pid).toBeUndefined();
    expect(errored.restartAt).toBeUndefined();
  });

  it('leaves an instance down after it exits when autorestart is false', async () => {
    const { sup } = startSupervisor();
    const env = { CRASH_AFTER_MS: '100', EXIT_CODE: '2' };
    // A twin that does restart shows how much time has passed: by its second restart, a restart would have happened.
    await sup.addApp(crasher({ name: 'twin', restart_delay: 100, env }));
    await sup.addApp(crasher({ name: 'once', restart_delay: 100, autorestart: false, env }));
    await sup.addApp(crasher({ name: 'clean', restart_delay: 100, autorestart: false, env: { ...env, EXIT_CODE: '0' } }));

    await waitForInstance(sup, 'twin', 0, (i) => i.restarts >= 2);
    const once = instanceOf(sup, 'once', 0);
    expect(once).toMatchObject({ status: 'errored', restarts: 0, pid: undefined });
    expect(once.reason).toBe('exited with code 2 (autorestart is off)');
    expect(once.exits).toHaveLength(1);
    expect(instanceOf(sup, 'clean', 0)).toMatchObject({ status: 'stopped', restarts: 0, pid: undefined, reason: undefined });
  });
});
