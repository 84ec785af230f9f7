import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../../src/tui/topology/build-topology.js';
import { localPortsIn } from '../../../../src/tui/topology/env-edges.js';
import { topologyJumpTarget } from '../../../../src/tui/topology/jump-target.js';
import { instance, PIDS, threeTier, wireApp } from './wire-fixtures.js';

describe('buildTopology: env edges', () => {
  it('finds frontend -> api from the three-tier BACKEND_URLS, and nothing for the worker', () => {
    const model = buildTopology(threeTier());
    expect(model.edges).toEqual([{ from: 'frontend', to: 'api', via: 'env', detail: 'env BACKEND_URLS', envKeys: ['BACKEND_URLS'] }]);
  });

  it('merges several env keys naming the same app into one edge', () => {
    const apps = threeTier();
    apps.frontend!.spec.env = { API: 'http://localhost:3001/v1', API_HOST: '127.0.0.1:3002', OTHER: 'x' };
    expect(buildTopology(apps).edges).toEqual([
      { from: 'frontend', to: 'api', via: 'env', detail: 'env API, API_HOST', envKeys: ['API', 'API_HOST'] },
    ]);
  });

  it('counts a declared port of a scaled-down instance, but not an app naming its own port', () => {
    const apps = threeTier();
    apps.api!.instances = apps.api!.instances.slice(0, 2);
    apps.frontend!.spec.env = { B: 'http://127.0.0.1:3003', SELF: 'http://127.0.0.1:8080' };
    expect(buildTopology(apps).edges.map((e) => `${e.from}>${e.to}`)).toEqual(['frontend>api']);
  });

  it('names ports only with a host of this machine', () => {
    expect(localPortsIn('http://127.0.0.1:3000,http://[::1]:3001/x,localhost:3002')).toEqual([3000, 3001, 3002]);
    expect(localPortsIn('postgres://db.example.com:3000/app')).toEqual([]);
    expect(localPortsIn('postgres://db.example.com:3000/app', ['db.example.com'])).toEqual([3000]);
    expect(localPortsIn('redis://user:3000@127.0.0.1:6379')).toEqual([6379]);
    expect(localPortsIn('3000')).toEqual([]);
  });
});

describe('buildTopology: tcp edges', () => {
  it('maps a connection from an instance pid to another app\'s port, counting connections', () => {
    const apps = { ...threeTier(), db: wireApp({ name: 'db', instances: 1 }, 5432, PIDS.db) };
    const connections = [
      { fromPid: PIDS.api, toPort: 5432 },
      { fromPid: PIDS.api + 1, toPort: 5432 },
      { fromPid: PIDS.api + 3, toPort: 5432 },
      { fromPid: PIDS.frontend, toPort: 3002 },
    ];
    const tcp = buildTopology(apps, { connections }).edges.filter((e) => e.via === 'tcp');
    expect(tcp).toEqual([
      { from: 'api', to: 'db', via: 'tcp', detail: 'tcp, 3 connections', connections: 3 },
      { from: 'frontend', to: 'api', via: 'tcp', detail: 'tcp, 1 connection', connections: 1 },
    ]);
  });

  it('ignores unmanaged pids, unowned ports and connections inside one app', () => {
    const connections = [
      { fromPid: 99, toPort: 3000 },
      { fromPid: PIDS.frontend, toPort: 9999 },
      { fromPid: PIDS.api, toPort: 3001 },
    ];
    expect(buildTopology(threeTier(), { connections }).edges.filter((e) => e.via === 'tcp')).toEqual([]);
  });

  it('keeps only the edges touching the app asked for', () => {
    const apps = { ...threeTier(), db: wireApp({ name: 'db', instances: 1 }, 5432, PIDS.db) };
    const model = buildTopology(apps, { app: 'db', connections: [{ fromPid: PIDS.api, toPort: 5432 }] });
    expect(model.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['api>db']);
    expect(model.rows.filter((r) => r.kind === 'app').map((r) => r.label)).toEqual(['db']);
  });
});

describe('buildTopology: tree', () => {
  it('lists namespace, apps in name order, instances with status and health, then ports', () => {
    const apps = threeTier();
    apps.api!.instances = [instance('api', 0, { port: 3000, pid: 7, health: 'healthy' }), instance('api', 1, { status: 'errored', pid: undefined })];
    const rows = buildTopology(apps).rows;
    expect(rows.slice(0, 5).map((r) => [r.depth, r.kind, r.label])).toEqual([
      [0, 'namespace', 'default'],
      [1, 'app', 'api'],
      [2, 'instance', 'api-0'],
      [3, 'port', 'port 3000'],
      [2, 'instance', 'api-1'],
    ]);
    expect(rows[1]).toMatchObject({ online: 1, total: 2, last: false, continues: [] });
    expect(rows[2]).toMatchObject({ status: 'online', health: 'healthy', pid: 7, port: 3000, continues: [true] });
    expect(rows[3]).toMatchObject({ last: true, continues: [true, true] });
    expect(rows[4]).toMatchObject({ status: 'errored', last: true });
    const worker = rows.filter((r) => r.app === 'worker');
    expect(worker.map((r) => r.kind)).toEqual(['app', 'instance', 'instance']);
    expect(worker[0]!.last).toBe(true);
    expect(worker[1]!.continues).toEqual([false]);
  });

  it('groups apps under their namespaces in name order', () => {
    const apps = threeTier();
    apps.worker!.spec.namespace = 'batch';
    const heads = buildTopology(apps).rows.filter((r) => r.depth <= 1).map((r) => r.label);
    expect(heads).toEqual(['batch', 'worker', 'default', 'api', 'frontend']);
  });
});

describe('topologyJumpTarget', () => {
  it('gives the instance of an instance or port row, the first instance of an app row, nothing for a namespace', () => {
    const model = buildTopology(threeTier());
    const at = (label: string): number => model.rows.findIndex((r) => r.label === label);
    expect(topologyJumpTarget(model, at('api-2'))).toEqual({ app: 'api', instance: 2 });
    expect(topologyJumpTarget(model, at('port 8081'))).toEqual({ app: 'frontend', instance: 1 });
    expect(topologyJumpTarget(model, at('worker'))).toEqual({ app: 'worker', instance: 0 });
    expect(topologyJumpTarget(model, at('default'))).toBeUndefined();
    expect(topologyJumpTarget(model, 999)).toBeUndefined();
  });
});
