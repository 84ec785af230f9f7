import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/temp-home.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { pidAlive, waitFor } from '../helpers/wait-for.js';

const CLI = path.resolve('dist/bin/pmdaemon.js');
const FIXTURE = path.resolve('test/fixtures/idle.mjs');

interface Row {
  id: string;
  pid: number | null;
  status: string;
  restarts: number;
}

let session: TmuxSession | undefined;
let home: ReturnType<typeof tempHome> | undefined;

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { env: { ...process.env, PMDAEMON_HOME: home!.dir }, encoding: 'utf8' });
}

function rows(): Row[] {
  return JSON.parse(cli('list', '--json')) as Row[];
}

/** Pids of `pmdaemon monit` processes of this home (scanned in /proc). */
function monitPids(dir: string): number[] {
  return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).flatMap((pid) => {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('pmdaemon.js') || !cmd.includes('monit')) return [];
      return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`PMDAEMON_HOME=${dir}`) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

afterEach(async () => {
  await session?.kill();
  session = undefined;
  if (home) {
    const pids = rows().flatMap((r) => (r.pid === null ? [] : [r.pid]));
    cli('kill');
    await waitFor(() => pids.every((pid) => !pidAlive(pid)), { what: 'every instance gone after kill' });
    home.cleanup();
    home = undefined;
  }
});

async function startMonit(cols: number, rows: number, ...args: string[]): Promise<TmuxSession> {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run npm run build');
  // NODE_ENV as users run it (vitest sets "test"): monit then loads its UI from dist/tui/ui-bundle.js.
  session = startTmux({ cmd: [process.execPath, CLI, 'monit', ...args], cols, rows, env: { PMDAEMON_HOME: home!.dir, LANG: 'C.UTF-8', TERM: 'xterm-256color', NODE_ENV: 'production' } });
  await session.waitForText('w-1', 15_000);
  return session;
}

describe('pmdaemon monit in a real terminal, against a real daemon', () => {
  it('shows the instances, restarts the selected one on r, and q leaves every process running', async () => {
    home = tempHome();
    cli('start', FIXTURE, '--name', 'w', '--instances', '2');
    const before = rows();
    const tmux = await startMonit(100, 30);
    const screen = tmux.capture();
    expect(screen).toContain('online 2/2');
    expect(screen).toMatch(/w-0\s+online/);
    expect(screen).toContain('r restart');

    tmux.sendKeys('j', 'j', 'r'); // app row → w-0 → w-1, restart it
    const restarted = await waitFor(() => rows().find((r) => r.id === 'w-1' && r.restarts === 1 && r.status === 'online'), { what: 'w-1 restarted by the daemon', timeoutMs: 10_000 });
    expect(restarted.pid).not.toBe(before.find((r) => r.id === 'w-1')!.pid);
    expect(rows().find((r) => r.id === 'w-0')!.pid).toBe(before.find((r) => r.id === 'w-0')!.pid);

    tmux.sendKeys('q');
    await waitFor(() => monitPids(home!.dir).length === 0, { what: 'monit to exit', timeoutMs: 10_000 });
    // tmux does not always learn the status of a program that exits normally; check it when it does.
    const status = tmux.exitStatus();
    if (status !== undefined) expect(status).toBe(0);
    // The alternate screen is gone: the terminal shows what it showed before, not the UI.
    expect(await tmux.waitForNormalScreen()).not.toContain('NAME');
    expect(rows().every((r) => r.status === 'online')).toBe(true);
  });

  it('follows a resize, and below 80x24 says the terminal is too small', async () => {
    home = tempHome();
    cli('start', FIXTURE, '--name', 'w', '--instances', '2');
    const tmux = await startMonit(120, 40);
    tmux.resize(80, 24);
    await tmux.waitForText(/\? help/);
    expect(tmux.capture().split('\n').every((line) => line.length <= 80)).toBe(true);
    tmux.resize(70, 20);
    await tmux.waitForText('terminal too small');
    tmux.resize(100, 30);
    await tmux.waitForText('w-1');
  });

  it('with --read-only shows no action keys and ignores them', async () => {
    home = tempHome();
    cli('start', FIXTURE, '--name', 'w', '--instances', '2');
    const tmux = await startMonit(100, 30, '--read-only');
    expect(tmux.capture()).not.toMatch(/r restart|R rolling|\+\/- scale/);
    tmux.sendKeys('j', 'r', 'x', '+');
    tmux.sendKeys('?');
    const help = await tmux.waitForText('read-only');
    expect(help).not.toMatch(/^r\s+Restart/m);
    expect(rows().every((r) => r.restarts === 0)).toBe(true);
    expect(rows()).toHaveLength(2);
  });

  it.each([
    ['Ctrl+C', (tmux: TmuxSession) => tmux.sendKeys('C-c')],
    ['SIGTERM', () => monitPids(home!.dir).forEach((pid) => process.kill(pid, 'SIGTERM'))],
    ['SIGHUP', () => monitPids(home!.dir).forEach((pid) => process.kill(pid, 'SIGHUP'))],
  ])('gives the terminal back when ended by %s, and every process keeps running', async (_how, end) => {
    home = tempHome();
    cli('start', FIXTURE, '--name', 'w', '--instances', '2');
    const before = rows();
    const tmux = await startMonit(100, 30);
    expect(tmux.modes()).toEqual({ alternateScreen: true, cursorVisible: false });
    end(tmux);
    await waitFor(() => monitPids(home!.dir).length === 0, { what: 'monit to exit', timeoutMs: 10_000 });
    expect(await tmux.waitForNormalScreen()).not.toContain('NAME');
    expect(rows().map((r) => [r.pid, r.status])).toEqual(before.map((r) => [r.pid, 'online']));
  });

  it('says so when the daemon dies, marks values stale, and reconnects to the new daemon by itself', async () => {
    home = tempHome();
    cli('start', FIXTURE, '--name', 'w', '--instances', '2');
    const tmux = await startMonit(100, 30);
    const daemonPid = JSON.parse(cli('ping', '--json')).pid as number;
    process.kill(daemonPid, 'SIGKILL');
    await tmux.waitForText('the daemon went away', 10_000);
    // The UI's reconnect starts a new daemon, which restores the apps on their ports.
    await waitFor(() => !tmux.capture().includes('went away') && /w-1\s+online/.test(tmux.capture()), { what: 'the UI back on a new daemon', timeoutMs: 20_000 });
    expect(JSON.parse(cli('ping', '--json')).pid).not.toBe(daemonPid);
  });
});
