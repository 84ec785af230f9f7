import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../../../src/config/spec.js';
import { createPortAssigner, PortInUseError } from '../../../src/supervisor/port-assigner.js';
import { PortRangeError } from '../../../src/supervisor/port-plan.js';
import { createSupervisorStore, newInstance, withApp, withPort } from '../../../src/supervisor/store.js';
import { makeSpec } from '../../helpers/make-spec.js';
import { FakePortProbe } from './fake-port-probe.js';

function setup(specs: AppSpec[], busy: number[] = []) {
  const store = createSupervisorStore(0);
  for (const spec of specs) {
    const instances = Array.from({ length: spec.instances }, (_, id) => newInstance(spec.name, id));
    store.setState((s) => withApp(s, spec, instances), true);
  }
  const probe = new FakePortProbe(busy);
  return { store, probe, ports: createPortAssigner(store, probe) };
}

const auto = (from: number, to: number) => ({ kind: 'auto', from, to }) as const;

describe('createPortAssigner', () => {
  it('gives no port to an app without ports or to an unknown app', async () => {
    const { ports, probe } = setup([makeSpec({ name: 'web' })]);
    expect(await ports.ensurePort('web', 0)).toBeUndefined();
    expect(await ports.ensurePort('ghost', 0)).toBeUndefined();
    expect(probe.probed).toEqual([]);
  });

  it('gives auto instances the lowest free ports in turn and records them', async () => {
    const { ports, store } = setup([makeSpec({ name: 'web', instances: 3, port: auto(4000, 4010) })]);
    expect(await ports.ensurePort('web', 0)).toBe(4000);
    expect(await ports.ensurePort('web', 1)).toBe(4001);
    expect(await ports.ensurePort('web', 2)).toBe(4002);
    expect(store.getState().ports.web).toEqual([4000, 4001, 4002]);
  });

  it('skips an auto candidate the probe finds busy and does not record it', async () => {
    const { ports, store } = setup([makeSpec({ name: 'web', instances: 2, port: auto(4000, 4010) })], [4000, 4002]);
    expect(await ports.ensurePort('web', 0)).toBe(4001);
    expect(await ports.ensurePort('web', 1)).toBe(4003);
    expect(store.getState().ports.web).toEqual([4001, 4003]);
  });

  it('fails with a PortInUseError naming the range when no auto port is left', async () => {
    const { ports, store } = setup([makeSpec({ name: 'web', port: auto(4000, 4001) })], [4000, 4001]);
    const error = await ports.ensurePort('web', 0).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).name).toBe('PortInUseError');
    expect((error as Error).message).toContain('auto:4000-4001');
    expect((error as Error).message).toContain('widen the range');
    expect(store.getState().ports.web?.[0]).toBeUndefined();
  });

  it('reuses the port an instance kept instead of claiming the lowest free one', async () => {
    const { ports, store, probe } = setup([makeSpec({ name: 'web', instances: 2, port: auto(4000, 4010) })]);
    store.setState((s) => withPort(s, 'web', 1, 4007), true);
    expect(await ports.ensurePort('web', 1)).toBe(4007);
    expect(await ports.ensurePort('web', 1)).toBe(4007);
    expect(probe.probed).toEqual([4007, 4007]);
  });

  it('never gives two apps with overlapping auto ranges the same port when all instances start at once', async () => {
    const a = makeSpec({ name: 'a', instances: 8, port: auto(4000, 4020) });
    const b = makeSpec({ name: 'b', instances: 8, port: auto(4005, 4030) });
    const busy = [4001, 4006, 4010];
    const { ports, store } = setup([a, b], busy);
    const calls = [a, b].flatMap((spec) => Array.from({ length: 8 }, (_, id) => ({ app: spec.name, id })));
    const got = await Promise.all(calls.map(({ app, id }) => ports.ensurePort(app, id)));

    expect(new Set(got).size).toBe(16);
    for (const port of got) expect(busy).not.toContain(port);
    expect(got.slice(0, 8).every((p) => p! >= 4000 && p! <= 4020)).toBe(true);
    expect(got.slice(8).every((p) => p! >= 4005 && p! <= 4030)).toBe(true);
    // Lowest free first: together they hold the 16 lowest free ports from 4000.
    const lowestFree = Array.from({ length: 19 }, (_, k) => 4000 + k).filter((p) => !busy.includes(p));
    expect([...got].sort((x, y) => x! - y!)).toEqual(lowestFree);
    expect(store.getState().ports).toEqual({ a: got.slice(0, 8), b: got.slice(8) });
  });

  it('never gives one app the same auto port twice when its instances start at once', async () => {
    const { ports } = setup([makeSpec({ name: 'web', instances: 20, port: auto(4000, 4100) })], [4003]);
    const got = await Promise.all(Array.from({ length: 20 }, (_, id) => ports.ensurePort('web', id)));
    expect(new Set(got).size).toBe(20);
    expect(got).not.toContain(4003);
  });

  it("never hands ports of another app's declared fixed range to an auto app, even unused ones", async () => {
    const fixedRange = makeSpec({ name: 'api', instances: 3, port: { kind: 'range', from: 4000, to: 4005 } });
    const single = makeSpec({ name: 'admin', port: { kind: 'single', port: 4004 } });
    const web = makeSpec({ name: 'web', instances: 3, port: auto(4000, 4010) });
    const { ports } = setup([fixedRange, single, web]);
    expect(await Promise.all([0, 1, 2].map((id) => ports.ensurePort('web', id)))).toEqual([4006, 4007, 4008]);
  });

  it('gives fixed-range instances from+id and records them', async () => {
    const { ports, store } = setup([makeSpec({ name: 'api', instances: 2, port: { kind: 'range', from: 5000, to: 5003 } })]);
    expect(await ports.ensurePort('api', 1)).toBe(5001);
    expect(await ports.ensurePort('api', 0)).toBe(5000);
    expect(store.getState().ports.api).toEqual([5000, 5001]);
  });

  it("throws the probe's description when a fixed port is busy", async () => {
    const { ports, probe } = setup([makeSpec({ name: 'api', instances: 2, port: { kind: 'range', from: 5000, to: 5001 } })], [5001]);
    expect(await ports.ensurePort('api', 0)).toBe(5000);
    const error = await ports.ensurePort('api', 1).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toBe(probe.describePortInUse(5001));
  });

  it('throws the PortRangeError when an instance does not fit the fixed range', async () => {
    const { ports } = setup([makeSpec({ name: 'api', instances: 3, port: { kind: 'range', from: 5000, to: 5001 } })]);
    await expect(ports.ensurePort('api', 2)).rejects.toThrow(PortRangeError);
  });
});
