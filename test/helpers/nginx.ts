import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { nginxConfig, type NginxConfigOptions } from './nginx-config.js';
import { liveChildren, liveGroupMembers } from './proc-children.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

export type StartNginxOptions = Omit<NginxConfigOptions, 'userRoot'> & { startTimeoutMs?: number };

export interface ReloadOptions {
  /** Also wait until every worker of the previous generation has exited (default true). */
  waitOldWorkers?: boolean;
  timeoutMs?: number;
}

/** A running test nginx (foreground master in its own process group). */
export interface NginxHandle {
  url: string;
  masterPid: number;
  confFile: string;
  errorLog: string;
  /** Shell command that reloads this instance, usable as a `reload_cmd`; each run is counted by `reloads()`. */
  reloadCommand: string;
  /** How many times `reloadCommand` has run (calls of `reload()` are not counted). */
  reloads(): number;
  /** Reloads nginx as `reloadCommand` does; by default then waits until the old workers are gone and new ones serve. */
  reload(opts?: ReloadOptions): Promise<void>;
  /** Pids of the live worker processes (both generations while a reload drains). */
  workerPids(): number[];
  /** Kills nginx and waits until every process of this instance has exited; safe to call twice. */
  stop(): Promise<void>;
}

/** Path of the nginx binary: $NGINX_BIN, else Debian's /usr/sbin/nginx, else `nginx` on PATH. */
export function nginxBinary(): string {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  return fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** True once anything answers HTTP on `url` (a 502 counts: nginx is up even if upstreams are not). */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** Writes a config under `opts.dir`, starts nginx on 127.0.0.1:`listenPort` and waits until it answers. */
export async function startNginx(opts: StartNginxOptions): Promise<NginxHandle> {
  const confFile = path.join(opts.dir, 'nginx.conf');
  const errorLog = path.join(opts.dir, 'error.log');
  const reloadsFile = path.join(opts.dir, 'reloads');
  // As root, workers would become `nobody` and could not enter the 0700 temp dir.
  fs.writeFileSync(confFile, nginxConfig({ ...opts, userRoot: process.getuid?.() === 0 }));
  const bin = nginxBinary();
  const args = ['-p', opts.dir, '-c', confFile, '-e', errorLog];
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  // Without a listener a failed spawn (ENOENT) would crash the process instead of the throw below.
  child.on('error', (error) => (stderr += error.message));
  const masterPid = child.pid;
  if (masterPid === undefined) throw new Error(`could not spawn ${bin}`);
  const url = `http://127.0.0.1:${opts.listenPort}/`;
  let stopping: Promise<void> | undefined;

  const handle: NginxHandle = {
    url,
    masterPid,
    confFile,
    errorLog,
    // One byte appended per run, so a bench can count the reloads a daemon's reload_cmd made.
    reloadCommand: `echo >> ${quote(reloadsFile)}; ${[bin, ...args, '-s', 'reload'].map(quote).join(' ')}`,
    reloads: () => readText(reloadsFile).length,
    workerPids: () => liveChildren(masterPid),
    async reload({ waitOldWorkers = true, timeoutMs = 10_000 } = {}) {
      const before = new Set(liveChildren(masterPid));
      await run(bin, [...args, '-s', 'reload'], { timeout: timeoutMs });
      if (!waitOldWorkers) return;
      await waitFor(
        () => {
          const now = liveChildren(masterPid);
          return now.length > 0 && now.every((pid) => !before.has(pid));
        },
        { timeoutMs, intervalMs: 5, what: 'old nginx workers to exit after reload' },
      );
    },
    stop() {
      stopping ??= stopGroup(masterPid);
      return stopping;
    },
  };

  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`nginx exited at start: ${stderr.trim()} ${readTail(errorLog)}`);
        return answers(url);
      },
      { timeoutMs: opts.startTimeoutMs ?? 10_000, intervalMs: 20, what: `nginx to answer on ${url}` },
    );
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

/** The text of `file`, or '' when it cannot be read (not written yet). */
function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const readTail = (file: string): string => readText(file).slice(-2000).trim();

/** Fast shutdown (SIGTERM), then SIGKILL to the whole group if anything is left after 5 s. */
async function stopGroup(pgid: number): Promise<void> {
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // group already gone
    }
  };
  signal('SIGTERM');
  try {
    await waitFor(() => liveGroupMembers(pgid).length === 0, { timeoutMs: 5000, intervalMs: 10, what: 'nginx to exit' });
  } catch {
    signal('SIGKILL');
    await waitFor(() => liveGroupMembers(pgid).length === 0, { timeoutMs: 5000, intervalMs: 10, what: 'nginx to die' });
  }
}
