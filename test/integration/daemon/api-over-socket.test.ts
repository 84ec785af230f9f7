import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DaemonConnection } from '../../../src/client/daemon-client.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec } from '../support.js';
import { connectTo, killAtEnd, killDaemons, newHome, trackPid } from './support.js';

afterEach(killDaemons);

/** Waits until every listed instance has printed "ready" (idle.mjs: its SIGTERM handler is installed). */
async function waitReady(client: DaemonConnection, app: string, count: number): Promise<void> {
  await waitFor(
    async () => (await client.logs({ app, stream: 'out' })).filter((l) => l.line === 'ready').length >= count,
    { what: `${count} instance(s) of ${app} to print "ready"` },
  );
}

async function pidsOf(client: DaemonConnection, app: string): Promise<(number | null)[]> {
  return (await client.listProcesses()).filter((r) => r.app === app).map((r) => r.pid);
}

describe('the API over the socket, against real apps', () => {
  it('starts, lists, describes, stops, restarts, scales and deletes apps by name, instance and all', async () => {
    const home = newHome();
    const client = await connectTo(home);
    const from = await freePortRange(3);
    const web = fixtureSpec({ name: 'web', script: 'idle.mjs', instances: 2, port: `${from}-${from + 2}`, kill_timeout: '5s' });
    const worker = fixtureSpec({ name: 'worker', script: 'idle.mjs', kill_timeout: '5s' });

    expect(await client.start([web, worker])).toEqual(['web', 'worker']);
    await waitReady(client, 'web', 2);
    await waitReady(client, 'worker', 1);
    const rows = await client.listProcesses();
    expect(rows.map((r) => [r.id, r.status, r.port])).toEqual([
      ['web-0', 'online', from],
      ['web-1', 'online', from + 1],
      ['worker-0', 'online', null],
    ]);
    for (const row of rows) trackPid(row.pid!);
    expect(rows.every((r) => r.pid !== null && isRunning(r.pid))).toBe(true);

    await client.stop({ app: 'web', instance: 1 });
    expect((await client.listProcesses()).map((r) => r.status)).toEqual(['online', 'stopped', 'online']);
    expect(isRunning(rows[1]!.pid!)).toBe(false);
    await client.startApps({ app: 'web', instance: 1 });
    const [web0, web1] = await pidsOf(client, 'web');
    expect(web0).toBe(rows[0]!.pid);
    expect(web1).not.toBe(rows[1]!.pid);
    trackPid(web1!);

    await waitReady(client, 'web', 3);
    await client.restart({ app: 'web', instance: 0 });
    const afterRestart = await client.listProcesses();
    expect(afterRestart[0]).toMatchObject({ id: 'web-0', status: 'online', restarts: 1 });
    expect(afterRestart[0]!.pid).not.toBe(web0);
    expect(afterRestart[1]!.pid).toBe(web1);
    trackPid(afterRestart[0]!.pid!);

    expect(await client.scale('web', 3)).toBe(3);
    expect(await client.scale('web', -2, { relative: true })).toBe(1);
    expect((await client.listProcesses()).map((r) => r.id)).toEqual(['web-0', 'worker-0']);

    const [info] = await client.describe({ app: 'web', instance: 0 });
    expect(info).toMatchObject({ row: { id: 'web-0', port: from }, spec: { name: 'web', instances: 1 }, env: { PORT: String(from) } });
    expect(info!.logs.out).toBe(`${home}/logs/web-0-out.log`);
    expect(await client.describe({ app: 'all' })).toHaveLength(2);

    expect(await client.stats('web')).toMatchObject({ app: 'web', online: 1, total: 1 });
    const lines = await client.logs({ app: 'worker', lines: 5 });
    expect(lines).toContainEqual({ app: 'worker', instance: 0, stream: 'out', line: 'ready' });

    await client.stop({ app: 'all' });
    expect((await client.listProcesses()).map((r) => r.status)).toEqual(['stopped', 'stopped']);
    await client.startApps({ app: 'all' });
    expect((await client.listProcesses()).map((r) => r.status)).toEqual(['online', 'online']);
    for (const row of await client.listProcesses()) trackPid(row.pid!);

    expect(await client.delete({ app: 'all' })).toEqual(['web', 'worker']);
    expect(await client.listProcesses()).toEqual([]);
  });

  it('sends errors with their stable name and message over the wire', async () => {
    const client = await connectTo(newHome());
    const spec = fixtureSpec({ name: 'web', script: 'idle.mjs' });
    await client.start([spec]);
    for (const row of await client.listProcesses()) trackPid(row.pid!);

    await expect(client.stop({ app: 'nope' })).rejects.toMatchObject({
      name: 'UnknownAppError',
      message: 'no app named "nope"; known apps: web',
    });
    await expect(client.restart({ app: 'web', instance: 4 })).rejects.toMatchObject({
      name: 'InstanceRangeError',
      message: 'app "web" has instances 0-0; there is no instance 4',
    });
    await expect(client.start([spec])).rejects.toMatchObject({ name: 'AppRunningError' });
    await expect(client.scale('web', 0)).rejects.toMatchObject({ name: 'ScaleError' });
    await expect(client.stats('ghost')).rejects.toMatchObject({ name: 'UnknownAppError' });
    // The connection is still fine after errors.
    expect((await client.listProcesses()).map((r) => r.id)).toEqual(['web-0']);
  });

  it('saves a dump and resurrects its apps', async () => {
    const home = newHome();
    const client = await connectTo(home);
    await client.start([fixtureSpec({ name: 'web', script: 'idle.mjs' })]);
    const saved = await client.save();
    expect(saved.apps).toEqual(['web']);
    expect(fs.existsSync(saved.file)).toBe(true);
    await client.delete({ app: 'web' });
    expect(await client.resurrect()).toEqual(['web']);
    const [row] = await client.listProcesses();
    expect(row).toMatchObject({ id: 'web-0', status: 'online' });
    trackPid(row!.pid!);
  });

  it('kill resolves once every instance has stopped; the daemon then exits and removes its socket', async () => {
    const home = newHome();
    const client = await connectTo(home);
    await client.start([fixtureSpec({ name: 'web', script: 'idle.mjs', instances: 2 })]);
    await waitReady(client, 'web', 2);
    const pids = (await pidsOf(client, 'web')) as number[];
    pids.forEach(trackPid);
    trackPid(client.server.pid);

    await client.kill();
    expect(pids.filter(isRunning)).toEqual([]);
    expect(fs.existsSync(`${home}/daemon.sock`)).toBe(false);
    await waitFor(() => !isRunning(client.server.pid), { what: 'the daemon to exit' });
    expect(fs.readFileSync(`${home}/daemon.log`, 'utf8')).toMatch(/stopping \(kill\)[\s\S]*stopped/);
  });

  it('starts a fresh, empty daemon for a client that connects right after kill', async () => {
    const home = newHome();
    const client = await connectTo(home);
    await client.start([fixtureSpec({ name: 'web', script: 'idle.mjs' })]);
    await waitReady(client, 'web', 1);
    trackPid(client.server.pid);
    await client.kill();
    const started = Date.now();
    const next = await connectTo(home);
    expect(next.server.pid).not.toBe(client.server.pid);
    expect(await next.listProcesses()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops its instances and exits on SIGTERM', async () => {
    const home = newHome();
    const client = await connectTo(home);
    await client.start([fixtureSpec({ name: 'web', script: 'idle.mjs' })]);
    await waitReady(client, 'web', 1);
    const [pid] = (await pidsOf(client, 'web')) as number[];
    trackPid(pid!);
    const closed = new Promise<Error | undefined>((resolve) => client.onClose(resolve));

    process.kill(client.server.pid, 'SIGTERM');
    await waitFor(() => !isRunning(client.server.pid), { what: 'the daemon to exit' });
    expect(isRunning(pid!)).toBe(false);
    expect(await closed).toMatchObject({ name: 'DaemonGoneError' });
    expect(fs.readFileSync(`${home}/daemon.log`, 'utf8')).toContain('stopping (SIGTERM)');
  });

  it('rejects pending requests with DaemonGoneError naming daemon.log when the daemon dies', async () => {
    const home = newHome();
    const client = await connectTo(home);
    const pidFile = `${home}/grandchild.pid`;
    await client.start([fixtureSpec({ name: 'stubborn', script: 'stubborn.sh', kill_timeout: '20s', env: { PID_FILE: pidFile } })]);
    await waitFor(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '', { what: 'the trap to be set' });
    const [pid] = (await pidsOf(client, 'stubborn')) as number[];
    // Its daemon dies by SIGKILL, so nobody stops it: the test does.
    killAtEnd(pid!);

    const stopping = client.stop({ app: 'stubborn' }).catch((e: unknown) => e);
    await waitFor(async () => (await client.listProcesses())[0]?.status === 'stopping', { what: 'the stop to begin' });
    process.kill(client.server.pid, 'SIGKILL');
    expect(await stopping).toMatchObject({
      name: 'DaemonGoneError',
      message: `the pmdaemon daemon went away (see ${home}/daemon.log)`,
    });
    await expect(client.listProcesses()).rejects.toMatchObject({ name: 'DaemonGoneError' });
  });
});
