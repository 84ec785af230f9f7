import { afterEach, describe, expect, it } from 'vitest';
import { isRunning } from '../helpers/processes.js';
import { freePortRange } from '../helpers/free-port-range.js';
import { fixtureSpec, instancesOf, pidOf, startSupervisor, stopSupervisors, waitForHttp } from './support.js';

afterEach(stopSupervisors);

describe('scaling real clusters', () => {
  it('adds instances with the next ids, then removes the highest ids first and keeps instance 0 running', async () => {
    const from = await freePortRange(4);
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'web', script: 'http-health.mjs', instances: 2, port: `${from}-${from + 3}` }));
    const [pid0, pid1] = [pidOf(sup, 'web', 0), pidOf(sup, 'web', 1)];

    await sup.scale('web', 4);
    expect(instancesOf(sup, 'web').map((i) => [i.id, i.status, i.port])).toEqual([
      [0, 'online', from],
      [1, 'online', from + 1],
      [2, 'online', from + 2],
      [3, 'online', from + 3],
    ]);
    expect([pidOf(sup, 'web', 0), pidOf(sup, 'web', 1)]).toEqual([pid0, pid1]);
    await waitForHttp(from + 3);
    const removed = [1, 2, 3].map((id) => pidOf(sup, 'web', id));

    await sup.scale('web', 1);
    expect(instancesOf(sup, 'web').map((i) => [i.id, i.status, i.pid])).toEqual([[0, 'online', pid0]]);
    expect(sup.store.getState().apps.web?.spec.instances).toBe(1);
    expect(sup.store.getState().ports.web).toEqual([from]);
    expect(removed.filter(isRunning)).toEqual([]);
    expect(isRunning(pid0)).toBe(true);
  });

  it('refuses to scale past a fixed port range with a clear error and changes nothing', async () => {
    const from = await freePortRange(2);
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'web', script: 'http-health.mjs', instances: 2, port: `${from}-${from + 1}` }));
    const before = sup.store.getState();

    await expect(sup.scale('web', 3)).rejects.toThrow(
      `app "web" needs 3 ports but its range ${from}-${from + 1} has 2; use "${from}-${from + 2}" or "auto:`,
    );
    await expect(sup.scale('web', 3)).rejects.toMatchObject({ name: 'PortRangeError' });
    const after = sup.store.getState();
    expect(after.apps).toBe(before.apps);
    expect(after.ports).toBe(before.ports);
  });

  it('refuses to scale to zero instances, pointing at stop', async () => {
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'idle', script: 'idle.mjs' }));

    await expect(sup.scale('idle', 0)).rejects.toThrow(/at least 1 \(use stop to stop them all\)/);
    expect(instancesOf(sup, 'idle').map((i) => i.status)).toEqual(['online']);
  });
});
