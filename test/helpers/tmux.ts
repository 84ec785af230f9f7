import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from './processes.js';

export interface TmuxOptions {
  /** The program and its arguments, run without a shell. */
  cmd: string[];
  cols: number;
  rows: number;
  /** Extra environment of the program (on top of this process's, without CI). */
  env?: Record<string, string>;
  cwd?: string;
}

export interface CaptureOptions {
  /** Keep colours and styles as SGR escape sequences (`capture-pane -e`). */
  colors?: boolean;
}

/** A program running in a real terminal: a private tmux server with one session of one pane. */
export interface TmuxSession {
  name: string;
  /** The tmux server's socket name (`tmux -L <socket>`), to run tmux commands by hand. */
  socket: string;
  /** The screen as it is now: one line per row, trailing blanks trimmed by tmux. */
  capture(options?: CaptureOptions): string;
  /** tmux key names (`Enter`, `Up`, `C-c`, `q`, `Escape`), each sent as a key press. */
  sendKeys(...keys: string[]): void;
  /** Types `text` literally, character by character. */
  sendText(text: string): void;
  resize(cols: number, rows: number): void;
  /** Resolves with the screen once it shows `text`; rejects at the deadline with the screen in the message. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** The exit status of the ended program; undefined while it runs, and when tmux never learnt it (it happens under load). */
  exitStatus(): number | undefined;
  /** Whether the program has ended (tmux keeps its pane, dead). */
  exited(): boolean;
  /** tmux's view of the pane, for failure messages: dead, exit status, signal, pid. */
  paneState(): string;
  /** The terminal modes the program left set: the alternate screen, the cursor shown (tmux keeps them for a dead pane). */
  modes(): { alternateScreen: boolean; cursorVisible: boolean };
  /**
   * Resolves once the terminal is back on its main screen and shows `text`, if given; rejects at the deadline with
   * the modes and screen. A pane can be marked dead before tmux has parsed the program's last output. The cursor is
   * not waited for: under load tmux 3.3a sometimes reports it hidden although the program's last bytes show it
   * (captured with pipe-pane).
   */
  waitForNormalScreen(text?: string, timeoutMs?: number): Promise<string>;
  /** Ends the program (SIGHUP, then SIGKILL to its process group after 2 s) and the tmux server. */
  kill(): Promise<void>;
}

let sessions = 0;

// The whole config: no status line (the pane gets every row), a dead pane stays visible, no Esc delay.
const CONFIG = ['set -g status off', 'set -g remain-on-exit on', 'set -s escape-time 0', ''].join('\n');

/** Starts `cmd` in a new tmux server of its own, in a terminal of `cols` x `rows`. */
export function startTmux(options: TmuxOptions): TmuxSession {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-tmux-'));
  const config = path.join(dir, 'tmux.conf');
  fs.writeFileSync(config, CONFIG);
  const socket = `pmd-${process.pid}-${++sessions}`;
  const name = `s${sessions}`;
  // The socket lives in our temp dir, and TMUX is dropped so a test run inside tmux does not nest.
  const { TMUX: _tmux, ...parentEnv } = process.env;
  const tmuxEnv = { ...parentEnv, TMUX_TMPDIR: dir };
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-u', '-L', socket, '-f', config, ...args], { env: tmuxEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  const assignments = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${value}`);
  // Ink writes nothing until exit when CI is set, so the program never sees it.
  const program = ['env', '-u', 'CI', ...assignments, ...options.cmd];
  const cwd = options.cwd ?? process.cwd();
  tmux('new-session', '-d', '-s', name, '-x', String(options.cols), '-y', String(options.rows), '-c', cwd, '--', ...program);
  const panePid = Number(tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim());

  const capture = ({ colors = false }: CaptureOptions = {}): string =>
    tmux('capture-pane', '-p', ...(colors ? ['-e'] : []), '-t', name).replace(/\n$/, '');

  const modes = (): { alternateScreen: boolean; cursorVisible: boolean } => {
    const [alternate, cursor] = tmux('display-message', '-p', '-t', name, '#{alternate_on} #{cursor_flag}').trim().split(' ');
    return { alternateScreen: alternate === '1', cursorVisible: cursor === '1' };
  };

  return {
    name,
    socket,
    capture,
    sendKeys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    sendText: (text) => void tmux('send-keys', '-t', name, '-l', text),
    resize: (cols, rows) => void tmux('resize-window', '-t', name, '-x', String(cols), '-y', String(rows)),
    async waitForText(text, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      for (;;) {
        screen = capture();
        if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
        if (Date.now() > deadline) throw new Error(`tmux: no ${String(text)} on the screen after ${timeoutMs} ms; the screen:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    exited: () => tmux('display-message', '-p', '-t', name, '#{pane_dead}').trim() === '1',
    paneState() {
      return tmux('display-message', '-p', '-t', name, 'dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal} pid=#{pane_pid}').trim();
    },
    modes,
    async waitForNormalScreen(text, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { alternateScreen, cursorVisible } = modes();
        const screen = capture();
        if (!alternateScreen && (text === undefined || screen.includes(text))) return screen;
        if (Date.now() > deadline) {
          throw new Error(`tmux: the terminal is not back on its main screen${text === undefined ? '' : ` with ${text} on it`} after ${timeoutMs} ms (alternate screen ${alternateScreen}, cursor shown ${cursorVisible}); the screen:\n${screen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    exitStatus() {
      // tmux marks the pane dead a moment before it has reaped the program and knows the status.
      const [dead, status] = tmux('display-message', '-p', '-t', name, '#{pane_dead} #{pane_dead_status}').trim().split(' ');
      return dead === '1' && status !== undefined && status !== '' ? Number(status) : undefined;
    },
    async kill() {
      try {
        tmux('kill-server');
      } catch {
        // the server already exited
      }
      await until(() => !isRunning(panePid), 2000);
      try {
        // Whatever of its process group outlived the hang-up (or ignored it).
        process.kill(-panePid, 'SIGKILL');
      } catch {
        // the group is gone
      }
      await until(() => !isRunning(panePid), 2000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
