import { readDirOrEmpty, readLinkOrEmpty, readOrEmpty } from './proc-fs.js';

/** The process that listens on a port. */
export interface PortHolder {
  pid: number;
  name: string;
}

const LISTEN_STATE = '0A';
const PROC_NET_FILES = ['/proc/net/tcp', '/proc/net/tcp6'];

/** Socket inodes in LISTEN state on local `port`, from the text of /proc/net/tcp or tcp6. */
export function parseListeningInodes(procNetTcp: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    const inode = fields[9];
    if (local === undefined || inode === undefined || fields[3] !== LISTEN_STATE) continue;
    const portHex = local.slice(local.lastIndexOf(':') + 1);
    if (Number.parseInt(portHex, 16) === port && inode !== '0') inodes.push(inode);
  }
  return inodes;
}

/** The inode of an fd symlink target such as `socket:[12345]`, or undefined for anything else. */
export function parseSocketInode(linkTarget: string): string | undefined {
  return /^socket:\[(\d+)\]$/.exec(linkTarget)?.[1];
}

/** The pid and name of the process listening on TCP `port`, or undefined when it cannot be found. */
export function findPortHolder(port: number): PortHolder | undefined {
  const inodes = new Set(PROC_NET_FILES.flatMap((file) => parseListeningInodes(readOrEmpty(file), port)));
  if (inodes.size === 0) return undefined;
  // Lowest pid first: when a parent and its forked workers share the socket, name the parent.
  for (const pid of listPids()) {
    if (holdsAnyInode(pid, inodes)) {
      return { pid, name: readOrEmpty(`/proc/${pid}/comm`).trim() || '?' };
    }
  }
  return undefined;
}

/** The user-facing sentence for a port conflict, naming the holder when it is known. */
export function formatPortInUse(port: number, holder: PortHolder | undefined): string {
  if (holder) return `port ${port} is in use by pid ${holder.pid} (${holder.name})`;
  return (
    `port ${port} is in use by another program ` +
    `(its owner could not be identified; try: ss -ltnp 'sport = :${port}')`
  );
}

/** Describes who holds `port`, e.g. `port 3002 is in use by pid 812 (nginx)`. */
export function describePortInUse(port: number): string {
  return formatPortInUse(port, findPortHolder(port));
}

function listPids(): number[] {
  const names = readDirOrEmpty('/proc');
  return names.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
}

function holdsAnyInode(pid: number, inodes: Set<string>): boolean {
  const dir = `/proc/${pid}/fd`;
  for (const fd of readDirOrEmpty(dir)) {
    const inode = parseSocketInode(readLinkOrEmpty(`${dir}/${fd}`));
    if (inode !== undefined && inodes.has(inode)) return true;
  }
  return false;
}

