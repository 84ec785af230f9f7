// A private tmux server for the TUI benchmark: one socket, no status line, sessions of a fixed size.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createControlClient } from './tmux-control.mjs';

// No status line (the program gets every row), no Esc delay, a pane is gone as soon as its program exits.
const CONFIG = 'set -g status off\nset -s escape-time 0\nset -g remain-on-exit off\n';

/**
 * The server starts with a holding session that a control client attaches to; `capture` and
 * `sendKeys` go through that client. `kill()` ends the server and removes its files.
 */
export function createTmuxServer(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pmd-bench-${label}-`));
  const config = path.join(dir, 'tmux.conf');
  fs.writeFileSync(config, CONFIG);
  const args = ['-u', '-L', `pmd-bench-${label}-${process.pid}`, '-f', config];
  const { TMUX: _nested, ...parentEnv } = process.env;
  const env = { ...parentEnv, TMUX_TMPDIR: dir };
  const tmux = (...rest) => execFileSync('tmux', [...args, ...rest], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  tmux('new-session', '-d', '-s', 'hold', '-x', '80', '-y', '24', '--', 'cat');
  const control = createControlClient(args, 'hold', env);

  return {
    dir,
    /** Runs `cmd` (argv, no shell) in a new `cols` x `rows` session without CI in its environment; returns the program's pid. */
    start(name, cmd, { cols = 120, rows = 40, env: extra = {}, cwd = dir } = {}) {
      const assignments = Object.entries(extra).map(([key, value]) => `${key}=${value}`);
      tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), '-c', cwd, '--', 'env', '-u', 'CI', '-u', 'NO_COLOR', ...assignments, ...cmd);
      // env execs the program, so the pane's pid is the program's pid.
      return Number(tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim());
    },
    /** The screen as plain text, one line per row. */
    capture: (name) => control.run(`capture-pane -p -t ${name}`),
    sendKeys: (name, ...keys) => control.run(`send-keys -t ${name} ${keys.join(' ')}`),
    /** Appends everything the program writes to its terminal to `file` (tmux pipe-pane, output side). */
    pipeTo: (name, file) => void tmux('pipe-pane', '-O', '-t', name, `cat >> '${file}'`),
    stopPipe: (name) => void tmux('pipe-pane', '-t', name),
    /** Closes the session: its program gets SIGHUP, as when an SSH connection drops. */
    close(name) {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // The program already exited and took its session with it.
      }
    },
    kill() {
      control.close();
      try {
        tmux('kill-server');
      } catch {
        // No server running.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
