import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

// runTui from dist/ on a fake daemon connection that crashes on cue (see the fixture).
const FIXTURE = path.resolve('test/fixtures/monit-crash.mjs');

let session: TmuxSession | undefined;
afterEach(async () => {
  await session?.kill();
  session = undefined;
});

/** The fixture in a terminal, once it shows its grid. */
async function startCrashingMonit(): Promise<TmuxSession> {
  if (!fs.existsSync(path.resolve('dist/tui/app/run-tui.js'))) throw new Error('dist/ is missing: run npm run build');
  session = startTmux({ cmd: [process.execPath, FIXTURE], cols: 100, rows: 30, env: { LANG: 'C.UTF-8', TERM: 'xterm-256color', NODE_ENV: 'production' } });
  await session.waitForText('w-0', 15_000);
  expect(session.modes()).toEqual({ alternateScreen: true, cursorVisible: false });
  return session;
}

const panePid = (tmux: TmuxSession): number => Number(/pid=(\d+)/.exec(tmux.paneState())![1]);

describe('pmdaemon monit when it crashes, in a real terminal', () => {
  it.each([
    ['a component throws while rendering (the topology view, on t)', (tmux: TmuxSession) => tmux.sendKeys('t'), 'Cannot convert undefined or null to object'],
    // The fixture throws from its SIGUSR1 handler.
    ['an error is thrown outside the UI', (tmux: TmuxSession) => process.kill(panePid(tmux), 'SIGUSR1'), 'thrown outside the UI on SIGUSR1'],
  ])('gives the terminal back, says why and exits 1 when %s', async (_what, crash, reason) => {
    const tmux = await startCrashingMonit();
    crash(tmux);
    const screen = await tmux.waitForNormalScreen(`pmdaemon monit crashed: `);
    expect(screen).toContain(reason);
    expect(screen).not.toContain('NAME');
    await waitFor(() => tmux.exited(), { what: 'monit to exit', timeoutMs: 10_000 });
    const status = tmux.exitStatus();
    if (status !== undefined) expect(status).toBe(1);
  });
});
