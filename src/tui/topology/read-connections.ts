import os from 'node:os';
import type { WireApp } from '../../api/types.js';
import { parseSocketInode } from '../../lib/port-holder.js';
import { createTreeSampler } from '../../supervisor/metrics/index.js';
import { connectionsOfSockets, parseTcpTable, type TcpConnection } from './proc-net-tcp.js';
import { readDirOrEmpty, readLinkOrEmpty, readOrEmpty } from '../../lib/proc-fs.js';

const PIDS_PER_SLICE = 10;

/** A managed process: its pid and, when known, every pid of its tree (the root included or not). */
export interface ProcessTree {
  pid: number;
  pids?: readonly number[];
}

/**
 * The live TCP connections each managed process tree holds to ports on this host, one per
 * socket, from /proc/<pid>/fd and /proc/net/tcp{,6}. Reads a few processes at a time and yields
 * in between, so a scan of hundreds of instances never holds up a TUI frame or a key press.
 */
export async function readConnections(trees: readonly ProcessTree[], procRoot = '/proc'): Promise<TcpConnection[]> {
  // Trees can overlap (an instance started by another): the first tree claims a pid, read once.
  const rootOf = new Map<number, number>();
  for (const tree of trees) for (const pid of [tree.pid, ...(tree.pids ?? [])]) if (!rootOf.has(pid)) rootOf.set(pid, tree.pid);
  const owners = new Map<string, number>();
  let read = 0;
  for (const [pid, root] of rootOf) {
    // Sync reads cost less CPU than a promise per fd (measured); yielding every few pids bounds the stall.
    if (++read % PIDS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    for (const inode of socketInodes(`${procRoot}/${pid}/fd`)) owners.set(inode, root);
  }
  if (owners.size === 0) return [];
  const tables = ['tcp', 'tcp6'].map((file) => readOrEmpty(`${procRoot}/net/${file}`));
  return connectionsOfSockets(tables.flatMap(parseTcpTable), owners);
}

/** The connections of every running instance of `apps`, each instance's whole process tree included. */
export async function readAppConnections(apps: Readonly<Record<string, WireApp>>, procRoot = '/proc'): Promise<TcpConnection[]> {
  const roots = Object.values(apps).flatMap((app) => app.instances.flatMap((i) => (i.pid === undefined ? [] : [i.pid])));
  if (roots.length === 0) return [];
  const trees = createTreeSampler({ procRoot }).sample(roots);
  return readConnections(roots.map((pid) => ({ pid, pids: trees.get(pid)?.pids ?? [] })), procRoot);
}

/** This host's name and interface addresses, which env values may use instead of 127.0.0.1. */
export function localHostNames(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
  return [os.hostname(), ...addresses];
}

function socketInodes(fdDir: string): string[] {
  const inodes: string[] = [];
  for (const fd of readDirOrEmpty(fdDir)) {
    const inode = parseSocketInode(readLinkOrEmpty(`${fdDir}/${fd}`));
    if (inode !== undefined) inodes.push(inode);
  }
  return inodes;
}

