import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/daemon/persistence/format.js';
import { markKilled, NoDumpError, restoreOnStart, resurrectDump, saveDump, startAutoSave } from '../../../src/daemon/persistence/index.js';
import type { Supervisor } from '../../../src/supervisor/supervisor.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec, httpGet, listenForeign } from '../support.js';
import { instancesOf, mortalSpawner, persistenceWorld } from './harness.js';

let world: ReturnType<typeof persistenceWorld>;
const stops: Array<() => void> = [];
const running: Supervisor[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await Promise.all(running.splice(0).map((sup) => sup.shutdown()));
  const survivors = world.cleanup();
  expect(survivors, 'processes still running after the test').toEqual([]);
});

/** App "web" (2 HTTP instances on fixed ports) and app "worker" (2 idle instances, the second stopped). */
async function startApps(sup: Supervisor): Promise<number> {
  const from = await freePortRange(2);
  await sup.addApp(fixtureSpec({ name: 'web', script: 'http-health.mjs', instances: 2, port: `${from}-${from + 1}` }));
  await sup.addApp(fixtureSpec({ name: 'worker', script: 'idle.mjs', instances: 2 }));
  await sup.stopApp('worker', { instance: 1 });
  await Promise.all([from, from + 1].map((port) => waitFor(() => httpGet(port), { what: `web on ${port}` })));
  return from;
}

function stateFile(): ReturnType<typeof parseFile> {
  return parseFile(fs.readFileSync(path.join(world.home, 'state.json'), 'utf8'));
}

/** The pid of every running instance, as `app-id`. */
function runningPids(sup: Supervisor): Record<string, number> {
  const pids: Record<string, number> = {};
  for (const [name, app] of Object.entries(sup.store.getState().apps)) {
    for (const i of app.instances) if (i.pid !== undefined) pids[`${name}-${i.id}`] = i.pid;
  }
  return pids;
}

function savedPids(): Record<string, number> {
  const pids: Record<string, number> = {};
  for (const app of stateFile().apps) app.instances.forEach((i, id) => i.pid !== null && (pids[`${app.spec.name}-${id}`] = i.pid));
  return pids;
}

describe('restore after the daemon dies', () => {
  it('brings every app back on its ports within 3 s, after stopping the orphans, and leaves stopped instances stopped', async () => {
    world = persistenceWorld();
    const mortal = mortalSpawner();
    const a = world.supervisor(mortal.spawner);
    const from = await startApps(a);
    stops.push(startAutoSave(a, world.home));
    const old = runningPids(a);
    expect(Object.keys(old).sort()).toEqual(['web-0', 'web-1', 'worker-0']);
    await waitFor(() => JSON.stringify(savedPids()) === JSON.stringify(old), { what: 'the pids in state.json' });

    mortal.die(); // like SIGKILL: the children run on as orphans, holding their ports
    expect(Object.values(old).every(isRunning)).toBe(true);

    const startedAt = Date.now();
    const b = world.supervisor();
    await restoreOnStart(b, world.home);
    await Promise.all([from, from + 1].map((port) => waitFor(() => httpGet(port), { what: `web on ${port}`, timeoutMs: 3000 })));
    const elapsed = Date.now() - startedAt;
    running.push(b);

    expect(Object.values(old).filter(isRunning), 'orphans of the dead daemon').toEqual([]);
    expect(instancesOf(b, 'web').map((i) => [i.status, i.port])).toEqual([['online', from], ['online', from + 1]]);
    expect(instancesOf(b, 'worker').map((i) => [i.status, i.desired])).toEqual([['online', 'running'], ['stopped', 'stopped']]);
    const fresh = runningPids(b);
    expect(Object.keys(fresh).sort()).toEqual(['web-0', 'web-1', 'worker-0']);
    for (const [id, pid] of Object.entries(fresh)) expect(pid, id).not.toBe(old[id]);
    expect(b.store.getState().ports).toEqual({ web: [from, from + 1], worker: [undefined, undefined] });
    expect(elapsed).toBeLessThan(3000);
    process.stdout.write(`restore after SIGKILL-like death: every app online in ${elapsed} ms\n`);

    stops.push(startAutoSave(b, world.home));
    await waitFor(() => JSON.stringify(savedPids()) === JSON.stringify(fresh), { what: 'the new pids in state.json' });
  });

  it('stops orphans that ignore SIGTERM with SIGKILL after kill_timeout, all at once, still within 3 s', async () => {
    world = persistenceWorld();
    const mortal = mortalSpawner();
    const a = world.supervisor(mortal.spawner);
    const pidFile = path.join(world.home, 'grandchild-${INSTANCE_ID}.pid');
    await a.addApp(fixtureSpec({ name: 'stubborn', script: 'stubborn.sh', instances: 3, env: { PID_FILE: pidFile } }));
    const grandchildren = await waitFor(() => {
      const files = [0, 1, 2].map((id) => path.join(world.home, `grandchild-${id}.pid`));
      return files.every((f) => fs.existsSync(f) && fs.readFileSync(f, 'utf8').trim() !== '') && files.map((f) => Number(fs.readFileSync(f, 'utf8')));
    }, { what: 'the grandchild pids' });
    stops.push(startAutoSave(a, world.home));
    const old = runningPids(a);
    await waitFor(() => JSON.stringify(savedPids()) === JSON.stringify(old), { what: 'the pids in state.json' });
    mortal.die();

    const startedAt = Date.now();
    const b = world.supervisor();
    running.push(b);
    await restoreOnStart(b, world.home);
    const elapsed = Date.now() - startedAt;

    expect([...Object.values(old), ...grandchildren].filter(isRunning)).toEqual([]);
    expect(instancesOf(b, 'stubborn').map((i) => i.status)).toEqual(['online', 'online', 'online']);
    expect(elapsed).toBeGreaterThanOrEqual(1600);
    expect(elapsed).toBeLessThan(3000);
    process.stdout.write(`restore with 3 orphans ignoring SIGTERM (kill_timeout 1600 ms): online in ${elapsed} ms\n`);
  });

  it('keeps auto-assigned ports even when lower ports of the range became free meanwhile', async () => {
    world = persistenceWorld();
    const from = await freePortRange(3);
    const foreign = await listenForeign(from);
    const mortal = mortalSpawner();
    const a = world.supervisor(mortal.spawner);
    try {
      await a.addApp(fixtureSpec({ name: 'web', script: 'http-health.mjs', instances: 2, port: `auto:${from}-${from + 2}` }));
      expect(instancesOf(a, 'web').map((i) => i.port)).toEqual([from + 1, from + 2]);
      stops.push(startAutoSave(a, world.home));
      await waitFor(() => stateFile().apps[0]?.ports[1] === from + 2, { what: 'the ports in state.json' });
    } finally {
      await foreign.close();
    }
    mortal.die();

    const b = world.supervisor();
    running.push(b);
    await restoreOnStart(b, world.home);
    expect(instancesOf(b, 'web').map((i) => [i.status, i.port])).toEqual([['online', from + 1], ['online', from + 2]]);
    await waitFor(() => httpGet(from + 2), { what: 'web-1 on its old port' });
  });

  it('starts empty after a kill, and keeps the mark through the shutdown that follows', async () => {
    world = persistenceWorld();
    const a = world.supervisor();
    await a.addApp(fixtureSpec({ name: 'worker', script: 'idle.mjs', instances: 1 }));
    stops.push(startAutoSave(a, world.home));
    await waitFor(() => stateFile().apps.length === 1 && stateFile().apps[0]!.instances[0]!.pid !== null, { what: 'state.json' });
    markKilled(world.home);
    await a.shutdown();
    expect(stateFile().killed).toBe(true);

    const b = world.supervisor();
    running.push(b);
    await restoreOnStart(b, world.home);
    expect(b.store.getState().apps).toEqual({});
  });

  it('sets a corrupt state file aside and starts empty', async () => {
    world = persistenceWorld();
    fs.writeFileSync(path.join(world.home, 'state.json'), '{"format": 1, "apps": [');
    const b = world.supervisor();
    running.push(b);
    await restoreOnStart(b, world.home, () => undefined);
    expect(b.store.getState().apps).toEqual({});
    expect(fs.readdirSync(world.home).filter((f) => f.startsWith('state.json.corrupt-'))).toHaveLength(1);
  });
});

describe('save and resurrect', () => {
  it('resurrects the saved apps on their saved ports, with stopped instances still stopped', async () => {
    world = persistenceWorld();
    const a = world.supervisor();
    const from = await startApps(a);
    expect(saveDump(a, world.home)).toEqual({ file: path.join(world.home, 'dump.json'), apps: ['web', 'worker'] });
    await a.shutdown();

    const b = world.supervisor();
    running.push(b);
    expect(await resurrectDump(b, world.home)).toEqual(['web', 'worker']);
    expect(instancesOf(b, 'web').map((i) => [i.status, i.port])).toEqual([['online', from], ['online', from + 1]]);
    expect(instancesOf(b, 'worker').map((i) => i.status)).toEqual(['online', 'stopped']);
    await waitFor(() => httpGet(from + 1), { what: 'web-1 answering' });
    expect(await resurrectDump(b, world.home)).toEqual([]);
  });

  it('says to run save first when there is no dump', async () => {
    world = persistenceWorld();
    const b = world.supervisor();
    running.push(b);
    await expect(resurrectDump(b, world.home)).rejects.toThrow(NoDumpError);
    await expect(resurrectDump(b, world.home)).rejects.toThrow('no saved apps: run `pmdaemon save` first');
  });
});

describe('cluster settings survive the daemon', () => {
  it('keeps autoscale settings and the load balancer of an app across a SIGKILL-like death', async () => {
    world = persistenceWorld();
    const mortal = mortalSpawner();
    const a = world.supervisor(mortal.spawner);
    const from = await freePortRange(3);
    const file = path.join(world.home, 'upstream.conf');
    await a.addApp(fixtureSpec({ name: 'web', script: 'http-health.mjs', instances: 1, port: `${from}-${from + 2}`, load_balancer: { type: 'nginx', file } }));
    stops.push(startAutoSave(a, world.home));
    const settings = { min: 1, max: 3, cpuThreshold: 70, cooldownMs: 30_000, windowMs: 10_000 };
    a.setAutoscale('web', settings);
    await waitFor(() => stateFile().apps[0]?.spec.autoscale?.max === 3, { what: 'autoscale settings in state.json' });
    mortal.die();

    const b = world.supervisor();
    running.push(b);
    await restoreOnStart(b, world.home);
    const spec = b.store.getState().apps.web?.spec;
    expect(spec?.autoscale).toEqual(settings);
    expect(spec?.loadBalancer?.file).toBe(file);
    await waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(`server 127.0.0.1:${from} `), { what: 'the restored instance in the upstream' });

    b.setAutoscale('web', null);
    expect(b.store.getState().apps.web?.spec.autoscale).toBeUndefined();
  });
});
