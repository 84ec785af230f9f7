import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppStats, InstanceInfo, LogLine, ProcessRow } from '../../../src/api/types.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { waitFor } from '../../helpers/wait-for.js';
import { cleanupHomes, daemonHome, FIXTURES, oneErrorLine, requireBuild, type DaemonHome } from './cli-support.js';

beforeAll(requireBuild);
afterEach(cleanupHomes);

/** `chatter` with 2 instances that each print LINES lines on stdout and one on stderr. */
async function chatter(d: DaemonHome): Promise<void> {
  const start = await d.run(['start', 'chatter.mjs', '--instances', '2', '--env', 'LINES=5']);
  expect(start.code, start.stderr).toBe(0);
  for (const id of [0, 1]) {
    const file = path.join(d.home, 'logs', `chatter-${id}-err.log`);
    await waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').length > 0, { what: `chatter-${id} output` });
  }
}

describe('pmdaemon info/logs/stats/scale through a daemon', () => {
  it('shows info of every instance or one, as text and as the InstanceInfo array', async () => {
    const d = daemonHome();
    await chatter(d);
    const text = await d.run(['info', 'chatter']);
    expect(text.stdout).toMatch(/^chatter-0 {2}online {2}pid \d+/);
    expect(text.stdout).toContain(`  logs      out ${path.join(d.home, 'logs', 'chatter-1-out.log')}`);
    expect(text.stdout).toContain('  env       LINES=5');
    const one = await d.json<InstanceInfo[]>(['info', 'chatter', '--instance', '1']);
    expect(one.map((i) => i.row.id)).toEqual(['chatter-1']);
    expect(one[0]!.spec.name).toBe('chatter');
    expect(one[0]!.logs.err).toBe(path.join(d.home, 'logs', 'chatter-1-err.log'));
    expect(one[0]!.command.args).toEqual([path.join(FIXTURES, 'chatter.mjs')]);
  });

  it('prints log tails by instance and stream, as text and JSON', async () => {
    const d = daemonHome();
    await chatter(d);
    const tail = await d.run(['logs', 'chatter', '--lines', '1']);
    expect(tail.stdout).toBe('chatter-0 | line 00004 xxxxxxxx\nchatter-0 err | err from 0\nchatter-1 | line 00004 xxxxxxxx\nchatter-1 err | err from 1\n');
    expect((await d.run(['logs', 'chatter', '--instance', '0', '--err'])).stdout).toBe('chatter-0 err | err from 0\n');
    const out = await d.json<LogLine[]>(['logs', 'chatter', '--instance', '1', '--out']);
    expect(out.map((l) => l.line)).toEqual([0, 1, 2, 3, 4].map((i) => `line 0000${i} xxxxxxxx`));
  });

  it('follows new lines as NDJSON until SIGINT, then exits 0', async () => {
    const d = daemonHome();
    await chatter(d);
    const follow = d.spawn(['logs', 'chatter', '--instance', '1', '--follow', '--lines', '1', '--json']);
    const printed = () => follow.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);
    await waitFor(() => printed().length === 2, { what: 'the tail' });
    // The tail is printed before subscribing: give the subscription a moment to reach the daemon.
    await waitFor(async () => {
      await d.run(['restart', 'chatter', '--instance', '1']);
      return printed().length > 2;
    }, { timeoutMs: 15_000, intervalMs: 200, what: 'lines from the restarted instance' });
    follow.child.kill('SIGINT');
    expect(await follow.exited).toBe(0);
    expect(printed().slice(2).every((l) => l.app === 'chatter' && l.instance === 1)).toBe(true);
    expect(printed().slice(2).map((l) => l.line)).toContain('line 00004 xxxxxxxx');
  });

  it('prints stats of an app', async () => {
    const d = daemonHome();
    await chatter(d);
    expect((await d.run(['stats', 'chatter'])).stdout).toMatch(/^chatter: 2\/2 online, 0 healthy, 0 unhealthy\n {2}cpu .*\n {2}memory .*\n {2}restarts {2}0\n {2}uptime .*\n$/);
    const json = await d.json<AppStats>(['stats', 'chatter']);
    expect(Object.keys(json).sort()).toEqual(['app', 'cpuAvg', 'cpuTotal', 'memoryTotal', 'online', 'restarts', 'total', 'healthy', 'unhealthy', 'uptimeMax', 'uptimeMin'].sort());
  });

  it('scales to N, +N and -N on the port range, and refuses a count the range cannot hold', async () => {
    const d = daemonHome();
    const from = await freePortRange(3);
    await d.run(['start', 'idle.mjs', '--port', `${from}-${from + 2}`]);
    const ports = async (args: string[]) => (await d.json<ProcessRow[]>(args)).map((r) => r.port);
    expect(await ports(['scale', 'idle', '2'])).toEqual([from, from + 1]);
    expect(await ports(['scale', 'idle', '+1'])).toEqual([from, from + 1, from + 2]);
    expect(await ports(['scale', 'idle', '-2'])).toEqual([from]);
    const tooMany = await d.run(['scale', 'idle', '+3']);
    expect(tooMany.code).toBe(3);
    expect(oneErrorLine(tooMany)).toBe(
      `pmdaemon: app "idle" needs 4 ports but its range ${from}-${from + 2} has 3; use "${from}-${from + 3}" or "auto:${from}-${from + 100}"; ` +
        'or give the app a wider range with --port',
    );
    await d.list();
  });

  it('restarts an app one instance at a time with --rolling', async () => {
    const d = daemonHome();
    await d.run(['start', 'idle.mjs', '--instances', '2', '--min-uptime', '200ms']);
    const before = await d.list();
    const rolling = await d.run(['restart', 'idle', '--rolling']);
    expect(rolling.code, rolling.stderr).toBe(0);
    const after = await d.json<ProcessRow[]>(['list']);
    expect(after.map((r) => [r.status, r.restarts])).toEqual([['online', 1], ['online', 1]]);
    expect(after.every((r, k) => r.pid !== before[k]!.pid)).toBe(true);
    await d.list();
  });
});
