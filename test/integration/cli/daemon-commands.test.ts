import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../src/api/types.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { isRunning } from '../../helpers/processes.js';
import { cleanupHomes, daemonHome, pidsOfHome, requireBuild } from './cli-support.js';

beforeAll(requireBuild);
afterEach(cleanupHomes);

const VERSION = (JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('pmdaemon ping/version/save/resurrect/kill/update/startup', () => {
  it('prints the versions without starting a daemon, then the daemon\'s once ping started one', async () => {
    const d = daemonHome();
    expect(await d.run(['version'])).toEqual({ code: 0, stdout: `pmdaemon ${VERSION}\ndaemon   not running\n`, stderr: '' });
    expect(fs.existsSync(path.join(d.home, 'daemon.sock'))).toBe(false);
    const ping = await d.run(['ping']);
    expect(ping.stdout).toMatch(new RegExp(`^pong: [\\d.]+ ms round trip; daemon pid \\d+, version ${VERSION.replaceAll('.', '\\.')}, up \\d+s\\n$`));
    const info = await d.json<{ rttMs: number; pid: number; version: string; home: string }>(['ping']);
    expect(info).toMatchObject({ version: VERSION, home: d.home });
    expect(info.rttMs).toBeGreaterThan(0);
    d.remember(info.pid);
    // The cleanup's last check finds a home's processes by their environment: it sees this daemon.
    expect(pidsOfHome(d.home)).toContain(info.pid);
    expect(await d.json(['version'])).toEqual({ cli: VERSION, daemon: { version: VERSION, pid: info.pid } });
  });

  it('kills the daemon with every instance, and says so when none runs', async () => {
    const d = daemonHome();
    await d.run(['start', 'idle.mjs', '--instances', '2']);
    const rows = await d.list();
    const killed = await d.json<{ killed: { pid: number; version: string } }>(['kill']);
    expect(killed.killed.version).toBe(VERSION);
    expect(isRunning(killed.killed.pid)).toBe(false);
    expect(rows.filter((r) => isRunning(r.pid!))).toEqual([]);
    expect(await d.run(['kill'])).toEqual({ code: 0, stdout: 'no daemon is running\n', stderr: '' });
  });

  it('saves, and resurrects the saved apps on their ports in a new daemon', async () => {
    const d = daemonHome();
    const from = await freePortRange(2);
    await d.run(['start', 'idle.mjs', '--instances', '2', '--port', `${from}-${from + 1}`]);
    await d.list();
    const saved = await d.json<{ file: string; apps: string[] }>(['save']);
    expect(saved).toEqual({ file: path.join(d.home, 'dump.json'), apps: ['idle'] });
    expect((await d.run(['kill'])).code).toBe(0);
    const back = await d.json<{ resurrected: string[]; processes: ProcessRow[] }>(['resurrect']);
    expect(back.resurrected).toEqual(['idle']);
    expect(back.processes.map((r) => [r.id, r.port, r.status])).toEqual([['idle-0', from, 'online'], ['idle-1', from + 1, 'online']]);
    await d.list();
    expect((await d.run(['resurrect'])).stdout).toMatch(/^nothing to resurrect/);
  });

  it('replaces the daemon with update, bringing the apps back on their ports', async () => {
    const d = daemonHome();
    const from = await freePortRange(2);
    await d.run(['start', 'idle.mjs', '--instances', '2', '--port', `${from}-${from + 1}`]);
    const before = await d.list();
    const old = await d.json<{ pid: number }>(['ping']);
    const update = await d.json<{ from: { pid: number }; to: { pid: number; version: string }; resurrected: string[] }>(['update']);
    expect(update.from.pid).toBe(old.pid);
    expect(update.to.pid).not.toBe(old.pid);
    expect(update.to.version).toBe(VERSION);
    expect(update.resurrected).toEqual(['idle']);
    expect(isRunning(old.pid)).toBe(false);
    const after = await d.list();
    expect(after.map((r) => [r.id, r.port, r.status])).toEqual(before.map((r) => [r.id, r.port, 'online']));
  });

  it('prints a systemd unit that resurrects at boot, and writes it with --install', async () => {
    const d = daemonHome();
    const printed = await d.run(['startup']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`Environment=PMDAEMON_HOME=${d.home}`);
    expect(printed.stdout).toMatch(/^ExecStart=\S+ \S+dist\/bin\/pmdaemon\.js resurrect$/m);
    expect(printed.stderr).toMatch(/^to install it: sudo env .* startup --install --user \S+\n$/);
    const dir = path.join(d.home, 'units');
    fs.mkdirSync(dir);
    const installed = await d.run(['startup', '--install', '--dir', dir, '--name', 'pmd-test']);
    expect(installed.stdout.split('\n')[0]).toBe(`wrote ${path.join(dir, 'pmd-test.service')}`);
    expect(fs.readFileSync(path.join(dir, 'pmd-test.service'), 'utf8')).toBe(printed.stdout);
  });
});
