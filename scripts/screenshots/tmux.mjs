// A program in a private tmux server, for taking screenshots (test/helpers/tmux.ts is the test twin).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// No status line (the pane gets every row), a dead pane stays visible, no Esc delay.
const CONFIG = 'set -g status off\nset -g remain-on-exit on\nset -s escape-time 0\n';
let sessions = 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `cmd` (argv, no shell) in a `cols` x `rows` terminal. The program never sees CI (Ink
 * writes nothing until exit when it is set) nor NO_COLOR.
 */
export function startTmux({ cmd, cols, rows, env = {}, cwd = process.cwd() }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-shot-tmux-'));
  const config = path.join(dir, 'tmux.conf');
  fs.writeFileSync(config, CONFIG);
  const socket = `pmd-shot-${process.pid}-${++sessions}`;
  const { TMUX: _nested, ...parentEnv } = process.env;
  const tmux = (...args) =>
    execFileSync('tmux', ['-u', '-L', socket, '-f', config, ...args], {
      env: { ...parentEnv, TMUX_TMPDIR: dir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const assignments = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  tmux('new-session', '-d', '-s', 'shot', '-x', String(cols), '-y', String(rows), '-c', cwd, '--', 'env', '-u', 'CI', '-u', 'NO_COLOR', ...assignments, ...cmd);
  const panePid = Number(tmux('display-message', '-p', '-t', 'shot', '#{pane_pid}').trim());
  let size = { cols, rows };

  /** The screen; with colours as SGR sequences and trailing blanks kept (their background counts). */
  const capture = ({ colors = false } = {}) =>
    tmux('capture-pane', '-p', ...(colors ? ['-e', '-N'] : []), '-t', 'shot').replace(/\n$/, '');

  return {
    size: () => ({ ...size }),
    capture,
    sendKeys: (...keys) => void tmux('send-keys', '-t', 'shot', ...keys),
    sendText: (text) => void tmux('send-keys', '-t', 'shot', '-l', text),
    resize(newCols, newRows) {
      tmux('resize-window', '-t', 'shot', '-x', String(newCols), '-y', String(newRows));
      size = { cols: newCols, rows: newRows };
    },
    async waitForText(text, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const screen = capture();
        if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
        if (Date.now() > deadline) throw new Error(`no ${String(text)} on the screen after ${timeoutMs} ms; the screen:\n${screen}`);
        await sleep(25);
      }
    },
    /** Waits until the screen (colours included) has not changed for `quietMs`. */
    async waitForStable(quietMs = 300, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last = capture({ colors: true });
      let since = Date.now();
      while (Date.now() - since < quietMs) {
        if (Date.now() > deadline) throw new Error(`the screen kept changing for ${timeoutMs} ms`);
        await sleep(25);
        const now = capture({ colors: true });
        if (now !== last) [last, since] = [now, Date.now()];
      }
      return last;
    },
    async kill() {
      try {
        tmux('kill-server');
      } catch {
        // the server already exited
      }
      await sleep(100);
      try {
        process.kill(-panePid, 'SIGKILL');
      } catch {
        // the program's process group is gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
