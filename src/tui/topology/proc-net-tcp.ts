/** One socket line of /proc/net/tcp or /proc/net/tcp6. */
export interface TcpEntry {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** The kernel's state code in hex: "01" established, "0A" listen. */
  state: string;
  inode: string;
}

export const TCP_ESTABLISHED = '01';
export const TCP_LISTEN = '0A';

/** Parses the text of /proc/net/tcp or /proc/net/tcp6 (header line skipped, malformed lines ignored). */
export function parseTcpTable(text: string): TcpEntry[] {
  const entries: TcpEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
    const fields = line.trim().split(/\s+/);
    const local = splitEndpoint(fields[1]);
    const remote = splitEndpoint(fields[2]);
    const state = fields[3];
    const inode = fields[9];
    if (!local || !remote || state === undefined || inode === undefined) continue;
    entries.push({ localAddress: local.address, localPort: local.port, remoteAddress: remote.address, remotePort: remote.port, state: state.toUpperCase(), inode });
  }
  return entries;
}

/**
 * The client ends of established connections to this host: the socket is not on a listening
 * port (that would be the server end) and the remote address is loopback or one of the host's own.
 */
export function outgoingLocalConnections(entries: readonly TcpEntry[]): TcpEntry[] {
  const listening = new Set(entries.filter((e) => e.state === TCP_LISTEN).map((e) => e.localPort));
  const ownAddresses = new Set(entries.map((e) => e.localAddress).filter((a) => !isWildcard(a)));
  return entries.filter(
    (e) =>
      e.state === TCP_ESTABLISHED &&
      e.inode !== '0' &&
      !listening.has(e.localPort) &&
      (isLoopback(e.remoteAddress) || ownAddresses.has(e.remoteAddress)),
  );
}

/** An address as the kernel prints it (hex, 32-bit words in host order) in readable form; v4-mapped v6 as v4. */
export function decodeAddress(hex: string): string | undefined {
  if (!/^[0-9A-Fa-f]+$/.test(hex) || (hex.length !== 8 && hex.length !== 32)) return undefined;
  const bytes: number[] = [];
  // Each 32-bit word is little-endian on the machines we run on (x86-64, arm64).
  for (let word = 0; word < hex.length; word += 8) {
    for (let b = 3; b >= 0; b--) bytes.push(Number.parseInt(hex.slice(word + b * 2, word + b * 2 + 2), 16));
  }
  if (bytes.length === 4) return bytes.join('.');
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return bytes.slice(12).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '0:0:0:0:0:0:0:1';
}

function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '0:0:0:0:0:0:0:0';
}

function splitEndpoint(text: string | undefined): { address: string; port: number } | undefined {
  if (text === undefined) return undefined;
  const colon = text.lastIndexOf(':');
  const address = decodeAddress(text.slice(0, colon));
  const port = Number.parseInt(text.slice(colon + 1), 16);
  if (colon === -1 || address === undefined || !Number.isInteger(port)) return undefined;
  return { address, port };
}

/** A connection from a managed process to a port on this host. */
export interface TcpConnection {
  /** The managed (root) pid whose tree holds the client socket. */
  fromPid: number;
  toPort: number;
}

/** Joins the client ends of connections with the processes holding their socket inodes. */
export function connectionsOfSockets(entries: readonly TcpEntry[], owners: ReadonlyMap<string, number>): TcpConnection[] {
  const out: TcpConnection[] = [];
  for (const e of outgoingLocalConnections(entries)) {
    const fromPid = owners.get(e.inode);
    if (fromPid !== undefined) out.push({ fromPid, toPort: e.remotePort });
  }
  return out;
}
