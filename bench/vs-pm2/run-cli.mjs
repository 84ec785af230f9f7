// One CLI invocation as a user types it: a fresh `node <bin> ...` process, timed from spawn to exit.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Error of a CLI that exited non-zero or could not be spawned; `result` holds what it printed. */
export class CliError extends Error {
  name = 'CliError';
  constructor(message, result, options) {
    super(message, options);
    this.result = result;
  }
}

/** Runs `node <bin> ...args` with `env`; resolves { ms, code, stdout, stderr }, rejects on a non-zero exit. */
export function runCli(bin, args, options = {}) {
  return runProgram(process.execPath, [bin, ...args], { ...options, label: 'node' });
}

/** Runs `file` itself (execve, as a shell runs a command), timed from spawn to exit; `label` names it in errors. */
export function runProgram(file, argv, { env, cwd, timeoutMs = 60_000, label = file } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new CliError(`cannot run ${label}: ${error.message}`, undefined, { cause: error }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { ms: performance.now() - started, code, stdout, stderr };
      if (code === 0) resolve(result);
      else reject(new CliError(`${label} ${argv.join(' ')} exited with ${code ?? signal}: ${stderr.trim().split('\n').pop() ?? ''}`, result));
    });
  });
}
