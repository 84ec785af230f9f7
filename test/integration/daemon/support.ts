import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { openDaemonClient, type InternalConnectOptions } from '../../../src/client/connect.js';
import type { DaemonConnection } from '../../../src/client/daemon-client.js';
import { isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';

/** The built daemon: these tests run the real entry point from dist/ (`npm run build` first). */
export const DAEMON_SCRIPT = fileURLToPath(new URL('../../../dist/bin/pmdaemon-daemon.js', import.meta.url));

const homes: string[] = [];
const clients: DaemonConnection[] = [];
const extraPids = new Set<number>();
const orphans = new Set<number>();

/** A fresh $PMDAEMON_HOME path that does not exist yet (so creating it with mode 0700 is the code's job). */
export function newHome(): string {
  if (!fs.existsSync(DAEMON_SCRIPT)) throw new Error(`${DAEMON_SCRIPT} is missing: run "npm run build" first`);
  const home = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-')), 'home');
  homes.push(home);
  return home;
}

/** A client of `home`'s daemon, started from dist/ if needed; closed by `killDaemons`. */
export async function connectTo(home: string, options: InternalConnectOptions = {}): Promise<DaemonConnection> {
  const client = await openDaemonClient({ home, daemonScript: DAEMON_SCRIPT, ...options });
  clients.push(client);
  return client;
}

/** Makes `killDaemons` SIGKILL the group of `pid` without expecting it gone (an orphan a test left on purpose). */
export function killAtEnd(pid: number): void {
  orphans.add(pid);
}

/** Makes `killDaemons` also check (and ensure) that `pid` is gone. */
export function trackPid(pid: number): void {
  extraPids.add(pid);
}

/**
 * For afterEach: `kill`s every daemon the test started (so its instances stop gracefully) and
 * asserts that the daemons and every tracked pid are gone; SIGKILLs whatever survived, removes the homes.
 */
export async function killDaemons(): Promise<void> {
  const daemons = homes.flatMap(daemonPidsFor);
  let survivors: number[] = [];
  try {
    for (const pid of orphans) killGroup(pid);
    orphans.clear();
    await Promise.all(clients.splice(0).map((c) => c.close()));
    for (const home of homes) {
      let client: DaemonConnection | undefined;
      try {
        client = await openDaemonClient({ home, autoStart: false, allowVersionMismatch: true });
      } catch {
        continue; // no daemon left for this home
      }
      await client.kill();
      await client.close();
    }
    const all = (): number[] => [...daemons, ...extraPids];
    await waitFor(() => all().every((pid) => !isRunning(pid)), { timeoutMs: 10_000, what: 'the daemons to exit' }).catch(() => undefined);
    survivors = all().filter(isRunning);
  } finally {
    for (const pid of [...daemons, ...extraPids, ...homes.flatMap(daemonPidsFor)]) killGroup(pid);
    extraPids.clear();
    for (const home of homes.splice(0)) fs.rmSync(path.dirname(home), { recursive: true, force: true });
  }
  expect(survivors, 'processes still running after kill').toEqual([]);
}

function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // not a group leader, or gone already
    }
  }
}

/** Live daemon processes of `home`, found by scanning /proc: argv names pmdaemon-daemon.js or .cjs and the env names the home. */
export function daemonPidsFor(home: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!argv.some((arg) => /pmdaemon-daemon\.c?js$/.test(arg))) continue;
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (env.includes(`PMDAEMON_HOME=${home}`) && isRunning(pid)) pids.push(pid);
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** Fields of /proc/<pid>/stat after the command name. */
export function procStat(pid: number): { ppid: number; session: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), session: Number(fields[3]) };
}

/** Resident memory of a process, bytes. */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

/** Inodes of the sockets a process holds open. */
export function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // closed while we looked
    }
  }
  return inodes;
}

/** Inodes of a /proc/net table (tcp, tcp6, unix), mapped to the row they are on. */
export function netTable(name: 'tcp' | 'tcp6' | 'unix'): Map<string, string> {
  const rows = new Map<string, string>();
  let text = '';
  try {
    text = fs.readFileSync(`/proc/net/${name}`, 'utf8');
  } catch {
    return rows; // no IPv6 on this machine
  }
  const inodeColumn = name === 'unix' ? 6 : 9;
  for (const line of text.split('\n').slice(1)) {
    const inode = line.trim().split(/\s+/)[inodeColumn];
    if (inode) rows.set(inode, line);
  }
  return rows;
}

/** A bare socket to the daemon, speaking the protocol by hand: for malformed input and ordering checks. */
export class RawClient {
  readonly messages: Record<string, unknown>[] = [];
  readonly closed: Promise<void>;
  private buffered = '';

  private constructor(readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      this.buffered += text;
      const lines = this.buffered.split('\n');
      this.buffered = lines.pop() ?? '';
      for (const line of lines) this.messages.push(JSON.parse(line) as Record<string, unknown>);
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }

  static open(home: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ path: path.join(home, 'daemon.sock') });
      socket.once('error', reject);
      socket.once('connect', () => resolve(new RawClient(socket)));
    });
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  request(id: number, method: string, params: unknown[] = []): void {
    this.send(`${JSON.stringify({ id, method, params })}\n`);
  }

  /** The response to request `id`. */
  response(id: number | null, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return this.next((m) => 'id' in m && m.id === id, `a response with id ${id}`, timeoutMs);
  }

  next(match: (message: Record<string, unknown>) => boolean, what: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return waitFor(() => this.messages.find(match), { timeoutMs, what });
  }

  /** Says hello and waits for the answer. */
  async greet(version = 'raw'): Promise<void> {
    this.request(0, 'hello', [{ version }]);
    await this.response(0);
  }
}
