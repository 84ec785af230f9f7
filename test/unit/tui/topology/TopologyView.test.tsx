import { describe, expect, it, vi } from 'vitest';

// Chalk decides its colour level on import: allow colours so "no colour with depth none" can fail.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { render } from 'ink-testing-library';
import type { WireApp } from '../../../../src/api/types.js';
import { buildTopology } from '../../../../src/tui/topology/build-topology.js';
import { TopologyView } from '../../../../src/tui/topology/TopologyView.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { frameLines, hasEscapes } from './frame.js';
import { instance, PIDS, threeTier, wireApp } from './wire-fixtures.js';

function bigApps(): Record<string, WireApp> {
  const apps: Record<string, WireApp> = { ...threeTier(), db: wireApp({ name: 'db', instances: 1 }, 5432, PIDS.db) };
  const long = 'payments-reconciliation-service-with-a-very-long-name';
  apps[long] = wireApp({ name: long, instances: 2, env: { DB: 'postgres://127.0.0.1:5432/x' } }, 7000, 5_005_000);
  apps.api!.instances = apps.api!.instances.map((i) => ({ ...i, health: i.id === 1 ? 'unhealthy' : 'healthy' }));
  apps.worker!.instances = [instance('worker', 0, { status: 'errored', pid: undefined }), instance('worker', 1, { status: 'waiting-restart' })];
  return apps;
}

const connections = [
  { fromPid: PIDS.api, toPort: 5432 },
  { fromPid: PIDS.api + 2, toPort: 5432 },
];

describe('TopologyView', () => {
  for (const width of [80, 120]) {
    it(`fits ${width} columns and the given height`, () => {
      const model = buildTopology(bigApps(), { connections });
      const selected = model.rows.findIndex((r) => r.label.startsWith('payments') && r.kind === 'instance');
      const { lastFrame } = render(<TopologyView model={model} theme={createTheme('256', true)} width={width} height={20} selected={selected} />);
      const lines = frameLines(lastFrame());
      expect(lines.length).toBeLessThanOrEqual(20);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      const long = lines.find((l) => l.includes('payments-reconciliation-service-with-a-very-long-name-0'));
      expect(long?.length).toBeGreaterThan(70);
      expect(long?.endsWith('…')).toBe(width === 80);
    });
  }

  it('draws the tree and the connections with edges from env and tcp', () => {
    const model = buildTopology(bigApps(), { connections });
    const { lastFrame } = render(<TopologyView model={model} theme={createTheme('none', true)} width={100} height={60} selected={0} />);
    const text = lastFrame()!;
    expect(text).toContain('├─ api  4/4 online');
    expect(text).toMatch(/│ ├─ api-1 +online +unhealthy +pid 5002001/);
    expect(text).toContain('│ │ └─ port 3001');
    expect(text).toMatch(/worker-0 +errored/);
    expect(text).toContain('connections');
    expect(text).toContain('api → db  (tcp, 2 connections)');
    expect(text).toContain('frontend → api  (env BACKEND_URLS)');
  });

  it('uses ASCII glyphs with an ASCII theme', () => {
    const model = buildTopology(bigApps(), { connections });
    const { lastFrame } = render(<TopologyView model={model} theme={createTheme('none', false)} width={100} height={60} selected={3} />);
    const text = lastFrame()!;
    expect(text).toContain('|- api');
    expect(text).toContain('`- port 3003');
    expect(text).toContain('api -> db');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[^\x00-\x7f]/);
  });

  it('writes no colour codes when the depth is none, and colours status and health otherwise', () => {
    const model = buildTopology(bigApps(), { connections });
    const plain = render(<TopologyView model={model} theme={createTheme('none', true)} width={100} height={40} selected={2} />);
    expect(hasEscapes(plain.lastFrame())).toBe(false);
    const coloured = render(<TopologyView model={model} theme={createTheme('16', true)} width={100} height={40} selected={2} />);
    expect(coloured.lastFrame()).toContain('\x1b[31munhealthy');
    expect(coloured.lastFrame()).toContain('\x1b[31merrored');
  });

  it('scrolls to keep the selected row visible, marked with the selection glyph', () => {
    const model = buildTopology(bigApps(), { connections });
    const last = model.rows.length - 1;
    const { lastFrame } = render(<TopologyView model={model} theme={createTheme('none', true)} width={100} height={10} selected={last} />);
    const lines = frameLines(lastFrame());
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.some((l) => l.startsWith('› ') && l.includes(model.rows[last]!.label))).toBe(true);
    expect(lines.some((l) => l.includes('default  namespace'))).toBe(false);
    expect(lines).toContain('connections');
  });

  it('cuts a long connections list with "+N more" to stay within the height', () => {
    const apps: Record<string, WireApp> = { db: wireApp({ name: 'db', instances: 1 }, 5432, PIDS.db) };
    for (let k = 0; k < 12; k++) apps[`svc${k}`] = wireApp({ name: `svc${k}`, instances: 1, env: { DB: '127.0.0.1:5432' } });
    const model = buildTopology(apps);
    const { lastFrame } = render(<TopologyView model={model} theme={createTheme('none', true)} width={80} height={15} selected={0} />);
    const lines = frameLines(lastFrame());
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines.at(-1)).toMatch(/^ {2}\+\d+ more$/);
    const shownEdges = lines.filter((l) => l.includes('→ db')).length;
    expect(shownEdges + Number(/\+(\d+) more/.exec(lines.at(-1)!)![1])).toBe(12);
  });
});
