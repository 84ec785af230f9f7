import { afterEach, describe, expect, it } from 'vitest';
import { freePortRange } from '../helpers/free-port-range.js';
import { fixtureSpec, instanceOf, instancesOf, listenForeign, pidOf, startSupervisor, stopSupervisors, waitForHttp, waitForInstance } from './support.js';

afterEach(stopSupervisors);

const server = (raw: Record<string, unknown>) => fixtureSpec({ name: 'web', script: 'http-health.mjs', restart_delay: 100, ...raw });

describe('ports of real instances', () => {
  it('gives instance i of a range the port from+i, and each instance listens on it', async () => {
    const from = await freePortRange(3);
    const { sup } = startSupervisor();
    await sup.addApp(server({ instances: 3, port: `${from}-${from + 2}` }));

    expect(instancesOf(sup, 'web').map((i) => [i.status, i.port])).toEqual([
      ['online', from],
      ['online', from + 1],
      ['online', from + 2],
    ]);
    for (const port of [from, from + 1, from + 2]) {
      const res = await waitForHttp(port);
      expect(res.status).toBe(200);
    }
  });

  it('gives auto instances distinct lowest free ports, skipping one a foreign process listens on', async () => {
    const from = await freePortRange(6);
    await listenForeign(from + 1);
    const { sup } = startSupervisor();
    await sup.addApp(server({ instances: 3, port: `auto:${from}-${from + 5}` }));

    expect(instancesOf(sup, 'web').map((i) => [i.status, i.port])).toEqual([
      ['online', from],
      ['online', from + 2],
      ['online', from + 3],
    ]);
  });

  it('errors the one instance whose fixed port a foreign process holds, naming that process, while the others run', async () => {
    const from = await freePortRange(3);
    const foreign = await listenForeign(from + 1);
    const { sup } = startSupervisor();
    await sup.addApp(server({ instances: 3, port: `${from}-${from + 2}` }));

    const [first, second, third] = instancesOf(sup, 'web');
    expect(second?.status).toBe('errored');
    expect(second?.reason).toBe(`port ${from + 1} is in use by pid ${foreign.pid} (node)`);
    expect(second?.pid).toBeUndefined();
    expect([first?.status, third?.status]).toEqual(['online', 'online']);
  });

  it('keeps an auto instance on its port across a restart even when a lower port has come free', async () => {
    const from = await freePortRange(4);
    const foreign = await listenForeign(from);
    const { sup } = startSupervisor();
    await sup.addApp(server({ instances: 2, port: `auto:${from}-${from + 3}` }));
    expect(instancesOf(sup, 'web').map((i) => i.port)).toEqual([from + 1, from + 2]);
    const oldPid = pidOf(sup, 'web', 1);

    await foreign.close(); // a fresh allocation would now hand out `from`
    await sup.restartApp('web', { instance: 1 });

    const restarted = await waitForInstance(sup, 'web', 1, (i) => i.status === 'online' && i.pid !== oldPid);
    expect(restarted.port).toBe(from + 2);
    expect(restarted.restarts).toBe(1);
    expect((await waitForHttp(from + 2)).status).toBe(200);
    expect(instanceOf(sup, 'web', 0).port).toBe(from + 1);
  });
});
