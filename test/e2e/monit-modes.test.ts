import { execFileSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cmdlineOf, environOf, isRunning } from '../helpers/processes.js';
import { tempHome } from '../helpers/temp-home.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

const CLI = path.resolve('dist/bin/pmdaemon.js');
const FIXTURE = path.resolve('test/fixtures/idle.mjs');
// NODE_ENV as users run it (vitest sets "test"): the UI then loads from dist/tui/ui-bundle.js.
const TERMINAL_ENV = { LANG: 'C.UTF-8', TERM: 'xterm-256color', NODE_ENV: 'production' };

interface Row {
  id: string;
  pid: number | null;
  status: string;
  restarts: number;
}

/** An instance row as the grid draws it: selection mark, name, status, health, pid (maybe marked changed), …, restarts last. */
interface ScreenRow {
  selected: boolean;
  status: string;
  pid: number;
  restarts: number;
}

let session: TmuxSession | undefined;
let home: ReturnType<typeof tempHome> | undefined;

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { env: { ...process.env, PMDAEMON_HOME: home!.dir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function rows(): Row[] {
  return JSON.parse(cli('list', '--json')) as Row[];
}

/** Every live process started with this PMDAEMON_HOME (monit, up, the daemon and their instances), scanned in /proc. */
function processesOfHome(dir: string): number[] {
  return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number).filter((pid) => {
    try {
      return pid !== process.pid && isRunning(pid) && environOf(pid).get('PMDAEMON_HOME') === dir;
    } catch {
      return false;
    }
  });
}

/** Daemons of this home: the daemon bundle's command line and this PMDAEMON_HOME. */
function daemonsOfHome(dir: string): number[] {
  return processesOfHome(dir).filter((pid) => {
    try {
      return cmdlineOf(pid).some((arg) => arg.includes('pmdaemon-daemon'));
    } catch {
      return false;
    }
  });
}

/** The lines the grid marks as selected (the `›` glyph in column 0). */
function selectedLines(screen: string): string[] {
  return screen.split('\n').filter((line) => line.startsWith('›'));
}

function screenRow(screen: string, name: string): ScreenRow | undefined {
  const line = screen.split('\n').find((l) => l.slice(2).startsWith(`${name} `));
  const match = line && /^(.) \S+\s+(\S+)\s+\S+\s+(\d+)•?\s.*\s(\d+)•?\s*$/.exec(line);
  if (!match) return undefined;
  return { selected: match[1] === '›', status: match[2]!, pid: Number(match[3]), restarts: Number(match[4]) };
}

afterEach(async () => {
  await session?.kill();
  session = undefined;
  if (!home) return;
  const dir = home.dir;
  // A daemon only when a test started one: `list` or `ping` here would start one.
  if (fs.existsSync(path.join(dir, 'daemon.sock'))) cli('kill');
  // Whatever outlived a failed test (an `up` killed by tmux leaves its instances behind).
  for (const pid of processesOfHome(dir)) process.kill(pid, 'SIGKILL');
  await waitFor(() => processesOfHome(dir).length === 0, { what: `every process of ${dir} gone` });
  home.cleanup();
  home = undefined;
});

async function startMonit(...args: string[]): Promise<TmuxSession> {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run npm run build');
  session = startTmux({ cmd: [process.execPath, CLI, 'monit', ...args], cols: 100, rows: 30, env: { PMDAEMON_HOME: home!.dir, ...TERMINAL_ENV } });
  await session.waitForText('online 5/5', 15_000);
  return session;
}

function startTwoApps(): void {
  home = tempHome();
  cli('start', FIXTURE, '--name', 'a', '--instances', '2');
  cli('start', FIXTURE, '--name', 'b', '--instances', '3');
}

describe('pmdaemon monit <app> [--instance i], in a real terminal', () => {
  it('opens with that instance selected, and r then restarts that instance only', async () => {
    startTwoApps();
    const before = rows();
    expect(daemonsOfHome(home!.dir)).toHaveLength(1); // the detector the up test relies on finds a real daemon
    const tmux = await startMonit('b', '--instance', '2');
    const screen = tmux.capture();
    expect(selectedLines(screen)).toHaveLength(1);
    expect(screenRow(screen, 'b-2')).toMatchObject({ selected: true, status: 'online' });

    tmux.sendKeys('r');
    const restarted = await waitFor(() => rows().find((r) => r.id === 'b-2' && r.restarts === 1 && r.status === 'online'), { what: 'b-2 restarted by the daemon' });
    expect(restarted.pid).not.toBe(before.find((r) => r.id === 'b-2')!.pid);
    expect(rows().filter((r) => r.id !== 'b-2').map((r) => [r.id, r.pid, r.restarts])).toEqual(before.filter((r) => r.id !== 'b-2').map((r) => [r.id, r.pid, 0]));
  });

  // b, not a: with no app given the first row (app a) is selected, so `monit a` would pass even if the app were ignored.
  it('opens with the app row selected when only the app is given', async () => {
    startTwoApps();
    const tmux = await startMonit('b');
    const selected = selectedLines(tmux.capture());
    expect(selected).toHaveLength(1);
    expect(selected[0]).toMatch(/^›[▾▸] b {2}3\/3 online/);
  });

  it.each([
    ['b --instance x', /--instance must be an instance id .*"x"/],
    ['--instance 2', /--instance needs an app/],
  ])('refuses "monit %s" with exit code 2 and says what is wrong, before the UI starts', (args, message) => {
    home = tempHome();
    let failure: SpawnSyncReturns<string> | undefined;
    try {
      cli('monit', ...args.split(' '));
    } catch (error) {
      failure = error as SpawnSyncReturns<string>;
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toMatch(message);
    expect(failure?.stdout).toBe('');
    expect(fs.existsSync(path.join(home.dir, 'daemon.sock'))).toBe(false);
  });

  it.each([
    ['nosuch', /nosuch/],
    ['b --instance 9', /\bb\b.*\b9\b|\b9\b.*\bb\b/],
  ])('refuses "monit %s", which names nothing that exists, with exit code 4 before the UI starts', (args, message) => {
    startTwoApps();
    let failure: SpawnSyncReturns<string> | undefined;
    try {
      cli('monit', ...args.split(' '));
    } catch (error) {
      failure = error as SpawnSyncReturns<string>;
    }
    expect(failure?.status).toBe(4);
    expect(failure?.stderr).toMatch(message);
    // Not a byte of the UI: the alternate screen was never entered.
    expect(failure?.stdout).toBe('');
  });
});

describe('pmdaemon up <file> --tui, in a real terminal', () => {
  it('supervises in its own process with the same UI, restarts on r, and q stops every instance without a daemon', async () => {
    if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run npm run build');
    home = tempHome();
    const dir = home.dir;
    const config = path.join(dir, 'up.json5');
    fs.writeFileSync(config, `{\n  // two idle instances, no port\n  apps: [{ name: 'w', script: ${JSON.stringify(FIXTURE)}, instances: 2 }],\n}\n`);
    const tmux = (session = startTmux({ cmd: [process.execPath, CLI, 'up', config, '--tui'], cols: 100, rows: 30, env: { PMDAEMON_HOME: dir, ...TERMINAL_ENV } }));

    const screen = await tmux.waitForText(/online 2\/2[\s\S]*w-0\s+online[\s\S]*w-1\s+online/, 15_000);
    expect(screen.split('\n')[0]).toMatch(/^pmdaemon \(foreground\) /);
    expect(screen).not.toContain('daemon up');
    const w0 = screenRow(screen, 'w-0')!;
    const w1 = screenRow(screen, 'w-1')!;
    for (const pid of [w0.pid, w1.pid]) expect(cmdlineOf(pid)).toContain(FIXTURE);
    expect(daemonsOfHome(dir)).toEqual([]);

    tmux.sendKeys('j', 'j', 'r'); // app row → w-0 → w-1, restart it
    const restarted = await waitFor(
      () => {
        const row = screenRow(tmux.capture(), 'w-1');
        return row?.status === 'online' && row.restarts === 1 && row.pid !== w1.pid && row;
      },
      { what: 'w-1 restarted on the screen', timeoutMs: 10_000 },
    );
    expect(restarted.selected).toBe(true);
    expect(isRunning(w1.pid)).toBe(false);
    expect(screenRow(tmux.capture(), 'w-0')).toMatchObject({ pid: w0.pid, restarts: 0 });

    tmux.sendKeys('q');
    await waitFor(() => tmux.exited(), { what: 'up --tui to exit', timeoutMs: 15_000 });
    expect(await tmux.waitForNormalScreen()).not.toContain('NAME');
    const status = tmux.exitStatus();
    if (status !== undefined) expect(status).toBe(0);
    // up owns its instances: it stops them before it exits (src/cli/commands/up.ts, upWithTui).
    expect([w0.pid, restarted.pid].filter(isRunning)).toEqual([]);
    expect(daemonsOfHome(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'daemon.sock'))).toBe(false);
  });
});
