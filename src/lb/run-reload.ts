import { spawn } from 'node:child_process';
import { lastLines, outputTail } from './output-tail.js';

/** How a reload command ended: `message` is one line an operator can act on. */
export interface ReloadResult {
  ok: boolean;
  message: string;
  durationMs: number;
}

export interface ReloadCommandOptions {
  cwd?: string;
  /** Kill the command's process group after this long (default 10 s). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 10_000;
// After the shell exits, how long a background child still holding its pipes may delay the result.
const PIPE_DRAIN_MS = 100;

/** Runs `command` through /bin/sh -c in its own process group; never throws, never outlives its timeout. */
export function runReloadCommand(command: string, opts: ReloadCommandOptions = {}): Promise<ReloadResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const what = `reload command \`${command}\``;
  return new Promise((resolve) => {
    const stdout = outputTail();
    const stderr = outputTail();
    let timedOut = false;
    let settled = false;
    let drain: NodeJS.Timeout | undefined;
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const finish = (result: Omit<ReloadResult, 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(drain);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ ...result, durationMs: elapsed() });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      const where = opts.cwd === undefined ? '' : ` in ${opts.cwd}`;
      finish({ ok: false, message: `${what} could not be started${where}: ${error.message}` });
    });
    const settle = (code: number | null, signal: NodeJS.Signals | null): void => {
      const output = lastLines(stderr.text()) || lastLines(stdout.text());
      const suffix = output === '' ? ' with no output' : `: ${output}`;
      if (timedOut) finish({ ok: false, message: `${what} did not finish within ${timeoutMs / 1000} s and was killed${suffix}` });
      else if (code === 0) finish({ ok: true, message: `${what} succeeded in ${elapsed()} ms` });
      else if (code !== null) finish({ ok: false, message: `${what} exited ${code}${suffix}` });
      else finish({ ok: false, message: `${what} was killed by ${signal ?? 'a signal'}${suffix}` });
    };
    child.on('close', settle);
    child.on('exit', (code, signal) => {
      drain = setTimeout(() => settle(code, signal), PIPE_DRAIN_MS);
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
