import { spawn } from 'node:child_process';
import { startProbe, timedOut, type ProbeResult } from './probe-result.js';

export interface ScriptProbeOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

// Enough of stderr for its first line; a chatty script must not grow the daemon's memory.
const STDERR_LIMIT = 4096;

/**
 * Runs `command` with /bin/sh -c and is ok when it exits 0 within `timeoutMs`. Never throws.
 * The script runs in its own process group, which is SIGKILLed on timeout and once the shell
 * exits, so neither a hung script nor anything it left behind outlives the probe.
 */
export function probeScript(command: string, opts: ScriptProbeOptions): Promise<ProbeResult> {
  const done = startProbe();
  return new Promise((resolve) => {
    let stderr = '';
    let exit: string | undefined;
    let ok = false;
    const finish = (result: ProbeResult): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      resolve(result);
    };
    let timer: NodeJS.Timeout | undefined = setTimeout(() => {
      killGroup(child.pid);
      finish(done(false, timedOut(opts.timeoutMs)));
    }, opts.timeoutMs);

    const child = spawn('/bin/sh', ['-c', command], {
      cwd: opts.cwd,
      env: opts.env,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.slice(0, STDERR_LIMIT - stderr.length);
    });
    child.on('error', (error) => finish(done(false, `cannot run health check script: ${error.message}`)));
    child.on('exit', (code, signal) => {
      ok = code === 0;
      exit = code === null ? `killed by ${signal ?? 'a signal'}` : `exit code ${code}`;
      // Reap what the script left running so its stderr closes and nothing piles up.
      killGroup(child.pid);
    });
    child.on('close', () => {
      if (exit === undefined) return;
      const firstLine = stderr.split('\n').find((line) => line.trim() !== '')?.trim();
      finish(done(ok, ok || firstLine === undefined ? exit : `${exit}: ${firstLine}`));
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
