import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReloadCommand } from '../../../src/lb/run-reload.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';

let dir: string;
const started: number[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
});
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The pid a command wrote to `name` in the temp dir, remembered for cleanup. */
function pidFrom(name: string): number {
  const pid = Number(fs.readFileSync(path.join(dir, name), 'utf8').trim());
  started.push(pid);
  return pid;
}

describe('runReloadCommand', () => {
  it('reports success with its duration', async () => {
    const result = await runReloadCommand('true');
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^reload command `true` succeeded in \d+ ms$/);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a failing command with its exit code and the last lines of stderr', async () => {
    const command = "echo 'starting' >&2; echo 'nginx: [emerg] unknown directive \"x\" in /tmp/a.conf:3' >&2; echo 'nginx: configuration file /tmp/a.conf test failed' >&2; exit 1";
    const result = await runReloadCommand(command);
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toBe(
      `reload command \`${command}\` exited 1: starting | nginx: [emerg] unknown directive "x" in /tmp/a.conf:3 | nginx: configuration file /tmp/a.conf test failed`,
    );
  });

  it('falls back to stdout when stderr is empty, and says when there is no output at all', async () => {
    expect((await runReloadCommand('echo one; echo; echo two; exit 3')).message).toBe('reload command `echo one; echo; echo two; exit 3` exited 3: one | two');
    expect((await runReloadCommand('exit 2')).message).toBe('reload command `exit 2` exited 2 with no output');
  });

  it('keeps only the last three lines of a long output', async () => {
    const result = await runReloadCommand('seq 1 100000 >&2; exit 1');
    expect(result.message).toBe('reload command `seq 1 100000 >&2; exit 1` exited 1: 99998 | 99999 | 100000');
  });

  it('reports a command killed by a signal', async () => {
    expect((await runReloadCommand('kill -TERM $$')).message).toBe('reload command `kill -TERM $$` was killed by SIGTERM with no output');
  });

  it('runs in cwd with env', async () => {
    const result = await runReloadCommand('test "$(pwd)" = "$WANT"', { cwd: dir, env: { PATH: process.env.PATH, WANT: fs.realpathSync(dir) } });
    expect(result.message).toMatch(/succeeded/);
  });

  it('kills the whole process group after the timeout', async () => {
    const command = `echo $$ > sh.pid; sleep 30 & echo $! > sleep.pid; echo waiting >&2; wait`;
    const before = Date.now();
    const result = await runReloadCommand(command, { cwd: dir, timeoutMs: 300 });
    expect(Date.now() - before).toBeLessThan(5000);
    expect(result).toMatchObject({ ok: false, message: `reload command \`${command}\` did not finish within 0.3 s and was killed: waiting` });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    const [shell, sleeper] = [pidFrom('sh.pid'), pidFrom('sleep.pid')];
    await waitFor(() => !isRunning(shell) && !isRunning(sleeper), { what: 'the shell and its sleep to be gone' });
  });

  it('returns when the shell exits even if a background child still holds its output pipes', async () => {
    const result = await runReloadCommand('sleep 30 & echo $! > sleep.pid; echo started', { cwd: dir, timeoutMs: 20_000 });
    expect(result.ok).toBe(true);
    expect(result.durationMs).toBeLessThan(5000);
    expect(isRunning(pidFrom('sleep.pid'))).toBe(true);
  });

  it('never throws when the command cannot start', async () => {
    const missing = path.join(dir, 'nope');
    const result = await runReloadCommand('true', { cwd: missing });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(new RegExp(`^reload command \`true\` could not be started in ${missing}: `));
  });
});
