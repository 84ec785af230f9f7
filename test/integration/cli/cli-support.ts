import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ProcessRow } from '../../../src/api/types.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = path.join(ROOT, 'dist/bin/pmdaemon.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Fails early with the fix when the CLI has not been built. */
export function requireBuild(): void {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test builds before running vitest)`);
}

/** One PMDAEMON_HOME with its daemon: every pid it ever lists is checked to be gone by `cleanup`. */
export interface DaemonHome {
  home: string;
  /** `node dist/bin/pmdaemon.js <args>` in `cwd` (default test/fixtures), to completion. */
  run(args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult>;
  /** Like run, as a live child (for --follow). */
  spawn(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> };
  /** `<args> --json`, which must succeed; its stdout parsed. */
  json<T>(args: string[]): Promise<T>;
  /** `list --json`, remembering every pid. */
  list(): Promise<ProcessRow[]>;
  remember(pid: number): void;
}

const homes: Array<{ dir: string; pids: Set<number>; children: ChildProcess[] }> = [];

export function daemonHome(): DaemonHome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-cli-'));
  const entry = { dir, pids: new Set<number>(), children: [] as ChildProcess[] };
  homes.push(entry);
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, ...extra, PMDAEMON_HOME: dir });
  const self: DaemonHome = {
    home: dir,
    run: (args, options = {}) =>
      new Promise((resolve) => {
        execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? FIXTURES, env: env(options.env), timeout: 20_000 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        });
      }),
    spawn(args) {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: FIXTURES, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      entry.children.push(child);
      let out = '';
      let err = '';
      child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
      child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
      const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
      return { child, stdout: () => out, stderr: () => err, exited };
    },
    async json<T>(args: string[]): Promise<T> {
      const result = await self.run([...args, '--json']);
      expect(result.code, `pmdaemon ${args.join(' ')} --json: ${result.stderr}`).toBe(0);
      return JSON.parse(result.stdout) as T;
    },
    async list() {
      const rows = await self.json<ProcessRow[]>(['list']);
      for (const r of rows) if (r.pid !== null) entry.pids.add(r.pid);
      return rows;
    },
    remember: (pid) => entry.pids.add(pid),
  };
  return self;
}

/** Runs the CLI for cleanup, whatever happens: its output, never a rejection. */
function cliQuietly(args: string[], home: string): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env, PMDAEMON_HOME: home };
  return new Promise((resolve) => execFile(process.execPath, [BIN, ...args], { env, timeout: 30_000 }, (_e, stdout, stderr) => resolve({ stdout, stderr })));
}

/**
 * For afterEach: `pmdaemon kill` in every home, then every pid seen (instances and daemons)
 * must be gone. Should kill fail, the daemon is SIGKILLed first (so it restarts nothing), then
 * its instances, and the test fails with what kill said and the end of daemon.log.
 */
export async function cleanupHomes(): Promise<void> {
  const all = homes.splice(0);
  const survivors: number[] = [];
  const why: string[] = [];
  for (const entry of all) {
    for (const child of entry.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    // `version` never starts a daemon: it tells which pid to make sure of.
    const daemonPid = safeParse<{ daemon: { pid: number } | null }>((await cliQuietly(['version', '--json'], entry.dir)).stdout)?.daemon?.pid;
    for (const r of safeParse<ProcessRow[]>((await cliQuietly(['list', '--json'], entry.dir)).stdout) ?? []) if (r.pid !== null) entry.pids.add(r.pid);
    const killed = await cliQuietly(['kill', '--json'], entry.dir);
    const gone = (): boolean => [...entry.pids, ...(daemonPid === undefined ? [] : [daemonPid])].every((p) => !isRunning(p)) && pidsOfHome(entry.dir).length === 0;
    try {
      await waitFor(gone, { timeoutMs: 5000, what: 'every process to be gone' });
    } catch {
      const log = path.join(entry.dir, 'daemon.log');
      const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '(none)';
      why.push(`pmdaemon kill said: ${killed.stdout}${killed.stderr}; daemon.log ends:\n${tail}`);
      // The daemon first, so that it restarts nothing; then everything that inherited this home.
      for (const p of [...(daemonPid === undefined ? [] : [daemonPid]), ...entry.pids, ...pidsOfHome(entry.dir)]) {
        if (!isRunning(p)) continue;
        survivors.push(p);
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }
    fs.rmSync(entry.dir, { recursive: true, force: true });
  }
  expect(survivors, `processes still running after pmdaemon kill; ${why.join('\n')}`).toEqual([]);
}

/** Live processes whose environment has PMDAEMON_HOME=`home`: its daemon and every instance it started. */
export function pidsOfHome(home: string): number[] {
  const wanted = `\0PMDAEMON_HOME=${home}\0`;
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .map(Number)
    .filter((pid) => {
      try {
        return `\0${fs.readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(wanted) && isRunning(pid);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    });
}

function safeParse<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The one line a failed command printed on stderr. */
export function oneErrorLine(result: CliResult): string {
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines, result.stderr).toHaveLength(1);
  return lines[0]!;
}
