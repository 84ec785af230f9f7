import { afterEach, describe, expect, it, vi } from 'vitest';

// Ink's colours follow chalk, which reads FORCE_COLOR once at import: force it so a stray style would show.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { renderToString } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import type { AppSpec } from '../../../../src/config/spec.js';
import type { InstanceState } from '../../../../src/supervisor/types.js';
import { DetailsPane } from '../../../../src/tui/details/DetailsPane.js';
import { textWidth } from '../../../../src/tui/details/segments.js';
import { createTheme, type Theme } from '../../../../src/tui/theme.js';
import { makeSpec } from '../../../helpers/make-spec.js';
import { makeInstance, NOW } from './make-instance.js';

const HEALTH_CHECK = { type: 'http' as const, url: 'http://127.0.0.1:${PORT}/health', timeoutMs: 5000, intervalMs: 10_000, retries: 3, graceMs: 0 };
const SPEC = makeSpec({ instances: 4, maxMemoryBytes: 600 * 1024 * 1024, healthCheck: HEALTH_CHECK });
const COLOUR = createTheme('256', true);
const PLAIN = createTheme('none', true);
const ASCII = createTheme('none', false);

const ESC = '\x1b';
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const visible = (line: string): number => textWidth(line.replace(ANSI, ''));

function pane(width: number, height: number, theme: Theme, instance: InstanceState = makeInstance(), spec: AppSpec = SPEC): string {
  return renderToString(<DetailsPane instance={instance} spec={spec} width={width} height={height} theme={theme} now={NOW} />, { columns: width });
}

afterEach(() => {
  cleanup();
});

describe('DetailsPane', () => {
  it('fills an 80x12 pane in a real Ink render without a line wider than 80', () => {
    const { lastFrame } = render(<DetailsPane instance={makeInstance()} spec={SPEC} width={80} height={12} theme={COLOUR} now={NOW} />);
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(visible(line)).toBeLessThanOrEqual(80);
    const text = (lastFrame() ?? '').replace(ANSI, '');
    expect(text).toContain('web-2  online  pid 1234  port 3002  up 3m12s  restarts 4');
    expect(text).toContain('health  healthy  http ok in 12ms, 8s ago: HTTP 200');
    expect(text).toMatch(/CPU % {2}now \d+\.\d {2}max \d+\.\d/);
    expect(text).toContain('memory  now ');
    expect(text).toMatch(/\d+%┤/);
    expect(text).toMatch(/MiB┤/);
    expect(text).toContain('last exits  (4 recorded)');
    expect(text).toContain('12s ago     exit 0         by user');
  });

  it('shows the load balancer of the app under the health line, its error in the error colour, and stays 12 rows tall', () => {
    const spec = makeSpec({ ...SPEC, loadBalancer: { type: 'nginx', name: 'web', host: '127.0.0.1', weight: 1, maxFails: 3, failTimeoutMs: 10_000, keepalive: 0, healthPath: '/', checkIntervalMs: 2000 } as AppSpec['loadBalancer'] });
    const ok = renderToString(<DetailsPane instance={makeInstance()} spec={spec} width={80} height={12} theme={PLAIN} now={NOW} loadBalancer={{ ports: [3000, 3001, 3002, 3003], syncedAt: NOW - 3000 }} />, { columns: 80 });
    expect(ok.split('\n')[2]).toBe('load balancer  nginx upstream web  4 ports  synced 3s ago');
    expect(ok.split('\n').length).toBeLessThanOrEqual(12);
    const failed = renderToString(<DetailsPane instance={makeInstance()} spec={spec} width={80} height={12} theme={COLOUR} now={NOW} loadBalancer={{ ports: [3000], error: 'nginx -s reload exited 1' }} />, { columns: 80 });
    expect(failed).toContain(`${ESC}[31m`);
    expect(failed.replace(ANSI, '')).toContain('1 port  nginx -s reload exited 1');
    expect(pane(80, 12, PLAIN)).not.toContain('load balancer');
  });

  it('shows bigger charts and the last four exits, newest first, at 120x30', () => {
    const lines = pane(120, 30, COLOUR).split('\n');
    expect(lines.length).toBeLessThanOrEqual(30);
    for (const line of lines) expect(visible(line)).toBeLessThanOrEqual(120);
    const plain = lines.map((l) => l.replace(ANSI, ''));
    const chartRows = plain.filter((l) => /%[┤┼]/.test(l));
    expect(chartRows.length).toBe(13);
    const exits = plain.slice(plain.findIndex((l) => l.startsWith('last exits')) + 1);
    expect(exits.map((l) => l.split('  ')[0])).toEqual(['12s ago', '3m12s ago', '15m00s ago', '1h00m ago']);
    expect(exits[2]).toContain('signal SIGKILL memory limit up 2m05s  rss 612 MiB over max_memory_restart 600 MiB');
    expect(exits[3]).toContain('exit 1         crashed      up 4s     Error: ECONNREFUSED 127.0.0.1:5432');
  });

  it('colours the charts and the status with colour', () => {
    const out = pane(120, 30, COLOUR);
    expect(out).toMatch(new RegExp(`${ESC}\\[36m[┼─╭╮╰╯│]`)); // asciichart's line in the accent colour
    expect(out).toContain(`${ESC}[32monline`);
  });

  it('writes no escape codes at all with colour depth none', () => {
    for (const [width, height] of [[80, 12], [120, 30]] as const) {
      const out = pane(width, height, PLAIN);
      expect(out).not.toContain('\x1b');
      expect(out).toContain('┤');
    }
  });

  it('draws only ASCII with the ASCII glyphs', () => {
    const out = pane(120, 30, ASCII);
    expect(out).toMatch(/^[\x20-\x7e\n]+$/);
    expect(out).toMatch(/\d+%\|/);
  });

  it('never prints a line wider than the pane, at any size from 20x1 to 160x40', () => {
    const long = makeInstance({ reason: 'x'.repeat(300), exits: makeInstance().exits.map((e) => ({ ...e, detail: 'y'.repeat(300) })) });
    for (const width of [20, 41, 63, 64, 80, 99, 160]) {
      for (const height of [1, 2, 3, 5, 8, 12, 24, 40]) {
        const lines = pane(width, height, COLOUR, long).split('\n');
        expect(lines.length, `${width}x${height}`).toBeLessThanOrEqual(height);
        for (const line of lines) expect(visible(line), `${width}x${height}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('says so when there are no samples, no exits and no health check yet', () => {
    const fresh = makeInstance({ history: [], exits: [], lastHealth: undefined, health: 'unknown', restarts: 0, cpu: 0, memory: 0 });
    const out = pane(80, 12, PLAIN, fresh, makeSpec());
    expect(out).toContain('no samples yet');
    expect(out).toContain('last exits  none');
    expect(out).toContain('health  unknown  no health check configured');
  });

  it('shows why an errored instance gave up and when a waiting one restarts', () => {
    const errored = makeInstance({ status: 'errored', pid: undefined, startedAt: undefined, reason: 'exited 16 times in a row within min_uptime' });
    const title = pane(100, 12, PLAIN, errored).split('\n')[0];
    expect(title).toBe('web-2  errored  port 3002  restarts 4  exited 16 times in a row within min_uptime');
    const waiting = makeInstance({ status: 'waiting-restart', pid: undefined, restartAt: NOW + 2_000 });
    expect(pane(100, 12, PLAIN, waiting).split('\n')[0]).toBe('web-2  waiting-restart  port 3002  restart in 2s  restarts 4');
  });

  it('renders nothing in a pane with no room', () => {
    expect(pane(80, 0, PLAIN)).toBe('');
  });
});
