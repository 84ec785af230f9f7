import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../src/api/types.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { cleanupHomes, daemonHome, oneErrorLine, requireBuild, type DaemonHome } from './cli-support.js';

beforeAll(requireBuild);
afterEach(cleanupHomes);

/** Waits until instance `app-id` has printed "ready" (idle.mjs then handles SIGTERM). */
function ready(d: DaemonHome, app: string, id: number): Promise<true> {
  const file = path.join(d.home, 'logs', `${app}-${id}-out.log`);
  return waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('ready'), { what: `${app}-${id} ready` });
}

describe('pmdaemon start/stop/restart/delete through a daemon', () => {
  it('starts a quoted command with flags in a daemon that outlives the CLI, and lists it in the documented shape', async () => {
    const d = daemonHome();
    const from = await freePortRange(2);
    const start = await d.run(['start', 'node idle.mjs', '--name', 'web', '--instances', '2', '--port', `${from}-${from + 1}`, '--env', 'A=1', '--kill-timeout', '3s']);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(/^started: web\nid +status +health +pid +port +cpu +memory +uptime +restarts\nweb-0 +online .*\nweb-1 +online .*\n$/);
    const rows = await d.list();
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['app', 'cpu', 'health', 'id', 'instance', 'memory', 'name', 'namespace', 'pid', 'port', 'reason', 'restarts', 'status', 'uptime'].sort());
      expect(typeof r.memory).toBe('number');
      expect(typeof r.uptime).toBe('number');
      expect(isRunning(r.pid!)).toBe(true);
    }
    expect(rows.map((r) => [r.id, r.name, r.app, r.instance, r.port, r.status])).toEqual([
      ['web-0', 'web-0', 'web', 0, from, 'online'],
      ['web-1', 'web-1', 'web', 1, from + 1, 'online'],
    ]);
    const table = await d.run(['ls']);
    for (const line of table.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('stops, starts and restarts one instance with --instance, and every app with all', async () => {
    const d = daemonHome();
    await d.run(['start', 'node idle.mjs', '--name', 'idle', '--instances', '2']);
    await d.run(['start', 'chatter.mjs']);
    await ready(d, 'idle', 0);
    await ready(d, 'idle', 1);
    const [i0, i1] = await d.list();

    const stop = await d.json<ProcessRow[]>(['stop', 'idle', '--instance', '1']);
    expect(stop.map((r) => [r.id, r.status])).toEqual([['idle-1', 'stopped']]);
    expect(isRunning(i1!.pid!)).toBe(false);
    expect(isRunning(i0!.pid!)).toBe(true);

    await d.json(['start', 'idle', '--instance', '1']);
    await ready(d, 'idle', 1);
    const [r0] = await d.json<ProcessRow[]>(['restart', 'idle', '--instance', '0']);
    expect(r0!.id).toBe('idle-0');
    expect(r0!.pid).not.toBe(i0!.pid);
    expect(r0!.restarts).toBe(1);

    await d.json(['stop', 'all']);
    expect((await d.list()).map((r) => r.status)).toEqual(['stopped', 'stopped', 'stopped']);
    await d.json(['start', 'all']);
    expect((await d.list()).map((r) => r.status)).toEqual(['online', 'online', 'online']);
    const before = (await d.list()).map((r) => r.pid);
    await d.json(['restart', 'all']);
    const after = await d.list();
    expect(after.every((r, k) => r.status === 'online' && r.pid !== before[k])).toBe(true);
  });

  it('deletes one app, then all, stopping their processes', async () => {
    const d = daemonHome();
    await d.run(['start', 'idle.mjs']);
    await d.run(['start', 'chatter.mjs', '--instances', '2']);
    const rows = await d.list();
    expect(await d.run(['delete', 'idle'])).toEqual({ code: 0, stdout: 'deleted: idle\n', stderr: '' });
    expect((await d.list()).map((r) => r.app)).toEqual(['chatter', 'chatter']);
    expect(await d.json(['delete', 'all'])).toEqual({ deleted: ['chatter'] });
    expect(await d.list()).toEqual([]);
    await waitFor(() => rows.every((r) => !isRunning(r.pid!)), { what: 'the deleted processes to be gone' });
  });

  it('starts the apps of an ecosystem file (--only), and refuses to start a running app', async () => {
    const d = daemonHome();
    const file = path.join(d.home, 'eco.json5');
    fs.writeFileSync(file, `{ apps: [ { name: 'a', script: ${JSON.stringify(path.join(process.cwd(), 'test/fixtures/idle.mjs'))} }, { name: 'b', script: 'sleep', args: '600' } ] }\n`);
    const only = await d.json<ProcessRow[]>(['start', file, '--only', 'b']);
    expect(only.map((r) => r.id)).toEqual(['b-0']);
    expect((await d.run(['start', file, '--json'])).code).toBe(1);
    const again = await d.run(['start', 'b']);
    expect(again.code).toBe(1);
    expect(oneErrorLine(again)).toBe('pmdaemon: app "b" is already running; use "pmdaemon restart b" to restart it');
  });
});
