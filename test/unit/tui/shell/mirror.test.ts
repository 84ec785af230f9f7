import { describe, expect, it } from 'vitest';
import type { SupervisorEvent, WireApp } from '../../../../src/api/types.js';
import { MAX_HISTORY } from '../../../../src/supervisor/types.js';
import { applyEvent, EMPTY_MIRROR, type Mirror } from '../../../../src/tui/state/mirror.js';
import { CHANGE_MARK_MS, markChanges } from '../../../../src/tui/state/ui-state.js';
import { app, mirrorOf, NOW } from './fixtures.js';

const samples = (from: number, count: number) => Array.from({ length: count }, (_, k) => ({ at: NOW + (from + k) * 1000, cpu: from + k, memory: 1000 + from + k }));

/** `app` with instance `id` changed; its history replaced by only the new samples, as a patch carries. */
function patched(base: WireApp, id: number, change: Partial<WireApp['instances'][number]>): WireApp {
  return { ...base, instances: base.instances.map((i) => (i.id === id ? { ...i, ...change } : { ...i, history: [] })) };
}

function snapshot(apps: Record<string, WireApp>): Mirror {
  const state = mirrorOf(apps);
  return applyEvent(EMPTY_MIRROR, { type: 'snapshot', seq: 7, state: { apps, host: state.host, startedAt: state.startedAt } });
}

describe('applyEvent', () => {
  it('takes the state of a snapshot and its sequence number', () => {
    const m = snapshot({ web: app('web', 2, 3000) });
    expect(m.seq).toBe(7);
    expect(Object.keys(m.apps)).toEqual(['web']);
    expect(m.host?.cpus).toBe(4);
  });

  it('appends the history samples of a patch to the instance history', () => {
    const web = app('web', 2, 3000, () => ({ history: samples(0, 3) }));
    const m1 = snapshot({ web });
    const m2 = applyEvent(m1, { type: 'patch', seq: 8, apps: { web: patched(web, 0, { history: samples(3, 2), cpu: 4 }) } });
    expect(m2.seq).toBe(8);
    expect(m2.apps.web?.instances[0]?.history.map((s) => s.cpu)).toEqual([0, 1, 2, 3, 4]);
    expect(m2.apps.web?.instances[0]?.cpu).toBe(4);
    // No new samples for instance 1: it keeps what it had.
    expect(m2.apps.web?.instances[1]?.history.map((s) => s.cpu)).toEqual([0, 1, 2]);
    expect(m1.apps.web?.instances[0]?.history).toHaveLength(3);
  });

  it('carries the autoscale and load-balancer status of a snapshot and of a patch, and drops them when a patch has none', () => {
    const autoscale = { lastChangeAt: NOW, last: { at: NOW, from: 2, to: 3, reason: 'avg CPU 84% > 70% over 10s' }, cpu: 84 };
    const loadBalancer = { ports: [3000, 3001], syncedAt: NOW };
    const web = { ...app('web', 2, 3000), autoscale, loadBalancer };
    const m1 = snapshot({ web });
    expect(m1.apps.web?.autoscale).toEqual(autoscale);
    expect(m1.apps.web?.loadBalancer).toEqual(loadBalancer);
    const next = { ...patched(web, 0, { cpu: 5 }), loadBalancer: { ports: [3000], error: 'nginx -s reload exited 1' } };
    const m2 = applyEvent(m1, { type: 'patch', seq: 8, apps: { web: next } });
    expect(m2.apps.web?.autoscale).toEqual(autoscale);
    expect(m2.apps.web?.loadBalancer).toEqual({ ports: [3000], error: 'nginx -s reload exited 1' });
    const m3 = applyEvent(m2, { type: 'patch', seq: 9, apps: { web: patched(app('web', 2, 3000), 0, { cpu: 6 }) } });
    expect(m3.apps.web?.autoscale).toBeUndefined();
    expect(m3.apps.web?.loadBalancer).toBeUndefined();
  });

  it(`caps the history at ${MAX_HISTORY} samples, dropping the oldest`, () => {
    expect(MAX_HISTORY).toBe(120);
    const web = app('web', 1, 3000, () => ({ history: samples(0, 118) }));
    let m = snapshot({ web });
    m = applyEvent(m, { type: 'patch', seq: 8, apps: { web: patched(web, 0, { history: samples(118, 5) }) } });
    const history = m.apps.web?.instances[0]?.history ?? [];
    expect(history).toHaveLength(120);
    expect(history[0]?.cpu).toBe(3);
    expect(history.at(-1)?.cpu).toBe(122);
  });

  it('removes an app patched with null and keeps the others', () => {
    const m1 = snapshot({ web: app('web', 1, 3000), api: app('api', 1, 4000) });
    const m2 = applyEvent(m1, { type: 'patch', seq: 8, apps: { web: null } });
    expect(Object.keys(m2.apps)).toEqual(['api']);
    expect(m2.apps.api).toBe(m1.apps.api);
  });

  it('adds an app it did not have, and takes new host metrics', () => {
    const m1 = snapshot({});
    const host = { cpu: 99, cpus: 4, memUsed: 1, memTotal: 2, load: [1, 2, 3] as [number, number, number] };
    const m2 = applyEvent(m1, { type: 'patch', seq: 8, apps: { api: app('api', 2, 4000) }, host });
    expect(m2.apps.api?.instances).toHaveLength(2);
    expect(m2.host).toEqual(host);
  });

  it('leaves the mirror as it is for log, dropped and rolling events', () => {
    const m = snapshot({ web: app('web', 1, 3000) });
    const events: SupervisorEvent[] = [
      { type: 'log', seq: 9, app: 'web', instance: 0, stream: 'out', lines: ['x'] },
      { type: 'dropped', seq: 10, logLines: 3 },
      { type: 'rolling', seq: 11, app: 'web', step: { instance: 0, phase: 'waiting' } },
    ];
    for (const e of events) expect(applyEvent(m, e)).toBe(m);
  });
});

describe('markChanges', () => {
  const web = app('web', 2, 3000);
  const before = snapshot({ web });

  it('marks the tracked fields that changed, by <app>-<id>:<field>', () => {
    const after = applyEvent(before, { type: 'patch', seq: 8, apps: { web: patched(web, 1, { pid: 42, restarts: 1, cpu: 99 }) } });
    expect(markChanges(before, after, {}, NOW)).toEqual({ 'web-1:pid': NOW, 'web-1:restarts': NOW });
  });

  it('forgets a mark once it is CHANGE_MARK_MS old', () => {
    const after = applyEvent(before, { type: 'patch', seq: 8, apps: { web: patched(web, 0, { status: 'stopping' }) } });
    const marked = markChanges(before, after, {}, NOW);
    expect(marked).toEqual({ 'web-0:status': NOW });
    expect(markChanges(after, after, marked, NOW + CHANGE_MARK_MS - 1)).toEqual(marked);
    expect(markChanges(after, after, marked, NOW + CHANGE_MARK_MS)).toEqual({});
  });

  it('marks nothing for the first snapshot, and returns the same object when nothing changed', () => {
    expect(markChanges(EMPTY_MIRROR, before, {}, NOW)).toEqual({});
    const none = {};
    expect(markChanges(before, before, none, NOW)).toBe(none);
  });

  it('marks nothing for a new instance (scale up), only for instances it saw before', () => {
    const bigger = app('web', 3, 3000);
    const after = applyEvent(before, { type: 'patch', seq: 8, apps: { web: bigger } });
    expect(markChanges(before, after, {}, NOW)).toEqual({});
  });
});
