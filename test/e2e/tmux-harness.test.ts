import { afterEach, describe, expect, it } from 'vitest';
import { isRunning } from '../helpers/processes.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

// A tiny terminal program: prints its size at start and on every resize, echoes keys in raw mode
// (keys sent before it says 'ready' could still meet a cooked terminal).
const PROGRAM = `
const out = process.stdout;
const size = (why) => out.write(why + ' ' + out.columns + 'x' + out.rows + '\\r\\n');
out.write('CI=' + (process.env.CI ?? 'unset') + ' GREETING=' + (process.env.GREETING ?? '') + '\\r\\n');
out.write('\\x1b[31mred\\x1b[0m \\x1b[1;44mbold on blue\\x1b[0m\\r\\n');
size('size');
out.on('resize', () => size('resized'));
process.stdin.setRawMode(true);
process.stdin.on('data', (d) => {
  out.write('key ' + d.toString('hex') + '\\r\\n');
  if (d.toString() === 'q') process.exit(3);
});
out.write('ready\\r\\n');
`;

let session: TmuxSession | undefined;

afterEach(async () => {
  await session?.kill();
  session = undefined;
});

function start(cols = 80, rows = 24, env: Record<string, string> = {}): TmuxSession {
  session = startTmux({ cmd: [process.execPath, '-e', PROGRAM], cols, rows, env });
  return session;
}

describe('tmux harness', () => {
  it('runs the program in a terminal of the size asked for', async () => {
    const tmux = start(80, 24);
    await tmux.waitForText('size 80x24');
    expect(tmux.capture().split('\n')).toHaveLength(24);
  });

  it('starts the program without CI even when the tests run with CI set', async () => {
    const before = process.env.CI;
    process.env.CI = 'true';
    try {
      const tmux = start(80, 24, { GREETING: 'hello there' });
      const screen = await tmux.waitForText('CI=');
      expect(screen).toContain('CI=unset GREETING=hello there');
    } finally {
      if (before === undefined) delete process.env.CI;
      else process.env.CI = before;
    }
  });

  it('sends key presses by name and text literally, in raw mode', async () => {
    const tmux = start();
    await tmux.waitForText('ready');
    // One at a time, or the program may read several in one chunk. ^C is a byte in raw mode, not SIGINT.
    const expected: [string, string][] = [['a', '61'], ['Enter', '0d'], ['Up', '1b5b41'], ['C-c', '03'], ['Escape', '1b']];
    for (const [key, hex] of expected) {
      tmux.sendKeys(key);
      await tmux.waitForText(`key ${hex}\n`);
    }
    tmux.sendText('+ -');
    await tmux.waitForText(/key 2b(202d)?\n/);
    expect(tmux.capture().match(/^key .*$/gm)?.slice(0, 5)).toEqual(expected.map(([, hex]) => `key ${hex}`));
  });

  it('resizes the terminal and the program sees the new size', async () => {
    const tmux = start(80, 24);
    await tmux.waitForText('size 80x24');
    tmux.resize(100, 30);
    await tmux.waitForText('resized 100x30');
    expect(tmux.capture().split('\n')).toHaveLength(30);
    tmux.resize(60, 10);
    await tmux.waitForText('resized 60x10');
    expect(tmux.capture().split('\n')).toHaveLength(10);
  });

  it('captures colours as SGR sequences only when asked', async () => {
    const tmux = start();
    await tmux.waitForText('bold on blue');
    expect(tmux.capture()).not.toContain('\x1b');
    const coloured = tmux.capture({ colors: true });
    expect(coloured).toContain('\x1b[31mred');
    // eslint-disable-next-line no-control-regex
    expect(coloured).toMatch(/\x1b\[1m\x1b\[44mbold on blue|\x1b\[1;44mbold on blue/);
  });

  it('keeps the last screen and the exit status when the program exits', async () => {
    const tmux = start();
    await tmux.waitForText('ready');
    expect(tmux.exited()).toBe(false);
    expect(tmux.exitStatus()).toBeUndefined();
    // A key sent in the instant the program switches its terminal to raw mode can be lost: resend.
    for (let attempt = 0; ; attempt++) {
      tmux.sendKeys('q');
      const echoed = await tmux.waitForText('key 71', 1000).then(() => true, () => false);
      if (echoed || tmux.exited()) break;
      if (attempt === 4) throw new Error(`q never reached the program; the screen:\n${tmux.capture()}`);
    }
    await waitUntil(() => tmux.exited()).catch((error: unknown) => {
      throw new Error(`the program did not end after q (${tmux.paneState()}); the screen:\n${tmux.capture()}`, { cause: error });
    });
    // Under load tmux sometimes marks the pane dead without ever learning the status
    // (seen: dead=1 status= signal=); when it knows it, it must be the program's.
    const status = tmux.exitStatus();
    if (status !== undefined) expect(status).toBe(3);
    expect(tmux.capture()).toContain('key 71');
  });

  it('rejects with the screen in the message when the text never shows', async () => {
    const tmux = start();
    await tmux.waitForText('size');
    await expect(tmux.waitForText('never printed', 200)).rejects.toThrow(/no never printed on the screen after 200 ms; the screen:\n.*CI=unset/);
  });

  it('ends the program and the tmux server on kill, even a program that ignores SIGHUP', async () => {
    const tmux = startTmux({ cmd: [process.execPath, '-e', "process.on('SIGHUP', () => {}); console.log('pid', process.pid); setInterval(() => {}, 1000);"], cols: 40, rows: 5 });
    session = tmux;
    const pid = Number(/pid (\d+)/.exec(await tmux.waitForText(/pid \d+/))?.[1]);
    expect(isRunning(pid)).toBe(true);
    await tmux.kill();
    expect(isRunning(pid)).toBe(false);
    expect(() => tmux.capture()).toThrow();
  });
});

async function waitUntil(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
