export { waitFor } from './wait-for.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Starts processes in their own process groups and kills every group on `killAll`. */
export function processGroups(): { start(cmd: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess; killAll(): void } {
  const started: ChildProcess[] = [];
  return {
    start(cmd, args, env) {
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore', env: env ?? process.env });
      started.push(child);
      return child;
    },
    killAll() {
      for (const child of started.splice(0)) {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

/** True while `pid` exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return false;
  }
}

/** The argv of `pid`, from /proc. */
export function cmdlineOf(pid: number): string[] {
  return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
}

/** The environment of `pid` as it was exec'd, from /proc. */
export function environOf(pid: number): Map<string, string> {
  const entries = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return new Map(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}
