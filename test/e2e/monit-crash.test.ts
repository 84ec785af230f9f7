import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

// runTui from dist/ on a fake daemon connection that crashes on cue (see the fixture).
const FIXTURE = path.resolve('test/fixtures/monit-crash.mjs');

let session: TmuxSession | undefined;
let dir: string | undefined;
afterEach(async () => {
  await session?.kill();
  session = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * The fixture in a terminal, once it shows its grid, with its stderr in a file: under load tmux 3.3a
 * sometimes drops the first row written after a program leaves the alternate screen.
 */
async function startCrashingMonit(): Promise<{ tmux: TmuxSession; stderr: () => string }> {
  if (!fs.existsSync(path.resolve('dist/tui/app/run-tui.js'))) throw new Error('dist/ is missing: run npm run build');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-monit-crash-'));
  const errors = path.join(dir, 'stderr');
  // exec: the shell becomes monit, so the pane's pid and exit status are monit's.
  const cmd = ['sh', '-c', 'exec "$0" "$1" 2>"$2"', process.execPath, FIXTURE, errors];
  session = startTmux({ cmd, cols: 100, rows: 30, env: { LANG: 'C.UTF-8', TERM: 'xterm-256color', NODE_ENV: 'production' } });
  await session.waitForText('w-0', 15_000);
  expect(session.modes()).toEqual({ alternateScreen: true, cursorVisible: false });
  return { tmux: session, stderr: () => (fs.existsSync(errors) ? fs.readFileSync(errors, 'utf8') : '') };
}

const panePid = (tmux: TmuxSession): number => Number(/pid=(\d+)/.exec(tmux.paneState())![1]);

describe('pmdaemon monit when it crashes, in a real terminal', () => {
  it.each([
    ['a component throws while rendering (the topology view, on t)', (tmux: TmuxSession) => tmux.sendKeys('t'), 'Cannot convert undefined or null to object'],
    // The fixture throws from its SIGUSR1 handler.
    ['an error is thrown outside the UI', (tmux: TmuxSession) => process.kill(panePid(tmux), 'SIGUSR1'), 'thrown outside the UI on SIGUSR1'],
  ])('gives the terminal back, says why and exits 1 when %s', async (_what, crash, reason) => {
    const { tmux, stderr } = await startCrashingMonit();
    crash(tmux);
    await waitFor(() => tmux.exited(), { what: 'monit to exit', timeoutMs: 10_000 });
    expect(await tmux.waitForNormalScreen()).not.toContain('NAME');
    expect(stderr()).toMatch(new RegExp(`^pmdaemon monit crashed: .*${reason}`));
    const status = tmux.exitStatus();
    if (status !== undefined) expect(status).toBe(1);
  });
});
