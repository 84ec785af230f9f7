import { describe, expect, it } from 'vitest';
import type { AppStats, InstanceInfo, LogLine, ProcessRow } from '../../../src/api/types.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec } from '../../integration/support.js';
import { COMMANDS } from '../../../src/cli/command-table.js';
import { trackedLocalClis } from './local-cli.js';

const cli = trackedLocalClis();

/** `chatter`: 2 instances that print 10 lines on stdout and one on stderr, then idle. */
async function withChatter() {
  const c = cli();
  await c.sup.addApp(fixtureSpec({ name: 'chatter', script: 'chatter.mjs', instances: 2, env: { LINES: 5 } }));
  for (const id of [0, 1]) await waitFor(() => c.sup.logs.lines('chatter', id, 'err').length === 1, { what: `chatter-${id} output` });
  return c;
}

describe('info', () => {
  it('describes every instance, or one, in text and as the InstanceInfo array', async () => {
    const c = await withChatter();
    const text = await c.run(['info', 'chatter']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^chatter-0 {2}online {2}pid \d+/);
    expect(text.stdout).toMatch(/\n\nchatter-1 {2}online/);
    expect(text.stdout).toMatch(/logs {6}out .*chatter-1-out\.log/);
    const json = JSON.parse((await c.run(['info', 'chatter', '--instance', '1', '--json'])).stdout) as InstanceInfo[];
    expect(json).toHaveLength(1);
    expect(Object.keys(json[0]!).sort()).toEqual(['command', 'env', 'exits', 'lastHealth', 'logs', 'row', 'spec']);
    expect(json[0]!.row.id).toBe('chatter-1');
    expect(json[0]!.env.LINES).toBe('5');
  });
});

describe('logs', () => {
  it('prints the last lines of each instance, prefixed, stderr marked', async () => {
    const c = await withChatter();
    const run = await c.run(['logs', 'chatter', '--lines', '2']);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      'chatter-0 | line 00003 xxxxxxxx', 'chatter-0 | line 00004 xxxxxxxx', 'chatter-0 err | err from 0',
      'chatter-1 | line 00003 xxxxxxxx', 'chatter-1 | line 00004 xxxxxxxx', 'chatter-1 err | err from 1',
    ]);
  });

  it('narrows to one instance and one stream, and prints LogLine[] with --json', async () => {
    const c = await withChatter();
    expect((await c.run(['logs', 'chatter', '--instance', '1', '--err'])).stdout).toBe('chatter-1 err | err from 1\n');
    const json = JSON.parse((await c.run(['logs', 'chatter', '--instance', '0', '--out', '--lines', '1', '--json'])).stdout) as LogLine[];
    expect(json).toEqual([{ app: 'chatter', instance: 0, stream: 'out', line: 'line 00004 xxxxxxxx' }]);
  });

  it('keeps printing new lines with --follow until interrupted, then exits 0', async () => {
    const c = await withChatter();
    const follow = c.launch(['logs', 'chatter', '--instance', '1', '--follow', '--lines', '1', '--json']);
    const printed = () => follow.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);
    // The tail (one out, one err line) is printed just before the subscription is taken.
    await waitFor(() => printed().length === 2, { what: 'the tail' });
    await c.run(['restart', 'chatter', '--instance', '1']);
    await waitFor(() => printed().length === 2 + 6, { what: 'the restarted chatter-1 lines' });
    c.interrupt();
    const run = await follow.done;
    expect(run.code).toBe(0);
    const lines = printed();
    expect(lines.filter((l) => l.stream === 'out').map((l) => l.line)).toEqual([4, 0, 1, 2, 3, 4].map((i) => `line 0000${i} xxxxxxxx`));
    expect(lines.every((l) => l.app === 'chatter' && l.instance === 1)).toBe(true);
  });
});

describe('scale', () => {
  it('scales to N, by +N and by -N, removing the highest ids', async () => {
    const c = cli();
    const from = await freePortRange(4);
    await c.sup.addApp(fixtureSpec({ name: 'idle', script: 'idle.mjs', port: `${from}-${from + 3}` }));
    const ids = async (argv: string[]) => (JSON.parse((await c.run([...argv, '--json'])).stdout) as ProcessRow[]).map((r) => `${r.id}:${r.port}`);
    expect(await ids(['scale', 'idle', '3'])).toEqual([`idle-0:${from}`, `idle-1:${from + 1}`, `idle-2:${from + 2}`]);
    expect(await ids(['scale', 'idle', '+1'])).toHaveLength(4);
    expect(await ids(['scale', 'idle', '-2'])).toEqual([`idle-0:${from}`, `idle-1:${from + 1}`]);
  });

  it('refuses a count beyond the port range, naming the range to use', async () => {
    const c = cli();
    const from = await freePortRange(2);
    await c.sup.addApp(fixtureSpec({ name: 'idle', script: 'idle.mjs', port: `${from}-${from + 1}` }));
    const run = await c.run(['scale', 'idle', '4']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `pmdaemon: app "idle" needs 4 ports but its range ${from}-${from + 1} has 2; use "${from}-${from + 3}" or "auto:${from}-${from + 100}"; ` +
        'or give the app a wider range with --port\n',
    );
  });

  it('moves the app to a new port range with --port, then scales into it', async () => {
    const c = cli();
    const from = await freePortRange(4);
    await c.sup.addApp(fixtureSpec({ name: 'idle', script: 'idle.mjs', port: `${from}-${from + 1}` }));
    const run = await c.run(['scale', 'idle', '4', '--port', `${from}-${from + 3}`, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as ProcessRow[]).map((r) => r.port)).toEqual([from, from + 1, from + 2, from + 3]);
    const tooSmall = await c.run(['scale', 'idle', '4', '--port', `${from}-${from + 2}`]);
    expect(tooSmall.code).toBe(3);
    expect(tooSmall.stderr).toContain(`needs 4 ports but its range ${from}-${from + 2} has 3`);
  });
});

describe('stats', () => {
  it('summarises an app in text and JSON', async () => {
    const c = await withChatter();
    const text = await c.run(['stats', 'chatter']);
    expect(text.stdout.split('\n')[0]).toBe('chatter: 2/2 online, 0 healthy, 0 unhealthy');
    const json = JSON.parse((await c.run(['stats', 'chatter', '--json'])).stdout) as AppStats;
    expect(json).toMatchObject({ app: 'chatter', online: 2, total: 2, restarts: 0 });
  });
});

describe('daemon commands', () => {
  it('pings, and prints the versions of the CLI and the daemon', async () => {
    const c = cli();
    expect((await c.run(['ping'])).stdout).toMatch(/^pong: 0\.25 ms round trip; daemon pid \d+, version 0\.0\.0-test, up \d+s\n$/);
    expect(JSON.parse((await c.run(['ping', '--json'])).stdout)).toMatchObject({ rttMs: 0.25, version: '0.0.0-test' });
    const version = JSON.parse((await c.run(['version', '--json'])).stdout) as { cli: string; daemon: { version: string } };
    expect(version.daemon.version).toBe('0.0.0-test');
    expect(version.cli).toMatch(/^\d+\.\d+\.\d+/);
    expect(c.connects).toContainEqual({ autoStart: false, allowVersionMismatch: true });
    expect((await c.run(['version'])).stdout).toMatch(/^pmdaemon \S+\ndaemon {3}0\.0\.0-test \(pid \d+\) — another version: run "pmdaemon update"\n$/);
  });

  it('reports no daemon without starting one', async () => {
    const c = cli({ running: false });
    expect((await c.run(['version'])).stdout).toMatch(/^pmdaemon \S+\ndaemon {3}not running\n$/);
    expect(await c.run(['kill'])).toEqual({ code: 0, stdout: 'no daemon is running\n', stderr: '' });
    expect(c.connects.every((o) => o.autoStart === false)).toBe(true);
  });

  it('saves the apps and resurrects them after they are deleted', async () => {
    const c = cli();
    await c.sup.addApp(fixtureSpec({ name: 'idle', script: 'idle.mjs', instances: 2 }));
    const saved = JSON.parse((await c.run(['save', '--json'])).stdout) as { file: string; apps: string[] };
    expect(saved.apps).toEqual(['idle']);
    await c.run(['delete', 'all']);
    const back = await c.run(['resurrect']);
    expect(back.stdout.split('\n')[0]).toBe('resurrected: idle');
    expect((JSON.parse((await c.run(['list', '--json'])).stdout) as ProcessRow[]).map((r) => r.id)).toEqual(['idle-0', 'idle-1']);
  });

  it('kills the daemon and waits until its connection closed', async () => {
    const c = cli();
    const run = await c.run(['kill', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ killed: { pid: c.client.server.pid, version: '0.0.0-test' } });
  });
});

describe('help', () => {
  it('lists every command with one line each', async () => {
    const run = await cli().run(['help']);
    const names = run.stdout.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0]!.replace(',', ''));
    expect(names).toEqual(COMMANDS.map((c) => c.name));
    for (const name of ['start', 'stop', 'restart', 'delete', 'list', 'info', 'logs', 'scale', 'stats', 'save', 'resurrect', 'up', 'startup', 'ping', 'kill', 'update', 'version', 'help']) {
      expect(names).toContain(name);
    }
    expect(run.stdout).toMatch(/^ {2}list, ls +a table/m);
  });

  it('shows a command\'s flags with "help <command>" and with "<command> --help"', async () => {
    const c = cli();
    const viaHelp = await c.run(['help', 'start']);
    const viaFlag = await c.run(['start', '--help']);
    expect(viaFlag).toEqual(viaHelp);
    for (const flag of ['name', 'instances', 'port', 'env', 'cwd', 'max-memory', 'cpu-affinity', 'instance-var', 'merge-logs', 'max-restarts', 'min-uptime', 'restart-delay', 'kill-timeout', 'no-autorestart', 'health-url', 'health-cmd', 'health-interval', 'health-timeout', 'health-retries', 'shell', 'only', 'json']) {
      expect(viaHelp.stdout).toContain(`--${flag}`);
    }
    expect((await c.run(['ls', '--help'])).stdout).toMatch(/^usage: pmdaemon list/);
    expect((await c.run(['logs', '--help'])).stdout).toContain('NDJSON');
  });
});
