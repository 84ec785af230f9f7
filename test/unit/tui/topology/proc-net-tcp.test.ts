import { describe, expect, it } from 'vitest';
import {
  connectionsOfSockets,
  decodeAddress,
  outgoingLocalConnections,
  parseTcpTable,
} from '../../../../src/tui/topology/proc-net-tcp.js';

// Captured on this machine: a listener on 127.0.0.1:3000 and one on [::]:3001, a client to each
// over IPv4, one over ::1; plus (added) a TIME_WAIT and a connection to a remote host.
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   1: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 241383 1 00000000690ea2ea 100 0 0 10 0
   2: 0100007F:97BC 0100007F:0BB8 01 00000000:00000000 00:00000000 00000000     0        0 241385 2 000000001554b2e4 20 0 0 10 -1
   3: 0100007F:0BB8 0100007F:97BC 01 00000000:00000000 00:00000000 00000000     0        0 241386 1 000000006a136b42 20 0 0 10 -1
   4: 0100007F:BA9A 0100007F:0BB9 01 00000000:00000000 00:00000000 00000000     0        0 241389 2 00000000d0d62afd 20 0 0 10 -1
   5: 0100007F:EAFA 0100007F:0BB8 06 00000000:00000000 03:0000162D 00000000     0        0 0 3 000000002ab85b8a
   6: 0A00000A:9C40 5DB8D822:0BB8 01 00000000:00000000 00:00000000 00000000     0        0 241400 2 000000001554b2e4 20 0 0 10 -1
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0BB9 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 241384 1 000000009bd42c36 100 0 0 10 0
   1: 00000000000000000000000001000000:C196 00000000000000000000000001000000:0BB9 01 00000000:00000000 00:00000000 00000000     0        0 241387 2 00000000ff1bfd0e 20 0 0 10 -1
   2: 0000000000000000FFFF00000100007F:0BB9 0000000000000000FFFF00000100007F:BA9A 01 00000000:00000000 00:00000000 00000000     0        0 241390 1 00000000ea296789 20 0 0 10 -1
   3: 00000000000000000000000001000000:0BB9 00000000000000000000000001000000:C196 01 00000000:00000000 00:00000000 00000000     0        0 241388 1 0000000017083674 20 0 0 10 -1
`;
const both = [...parseTcpTable(TCP), ...parseTcpTable(TCP6)];

describe('parseTcpTable', () => {
  it('reads addresses, ports, state and inode of every socket line', () => {
    const entries = parseTcpTable(TCP);
    expect(entries).toHaveLength(6);
    expect(entries[1]).toEqual({ localAddress: '127.0.0.1', localPort: 38844, remoteAddress: '127.0.0.1', remotePort: 3000, state: '01', inode: '241385' });
    expect(entries[0]).toMatchObject({ localPort: 3000, state: '0A' });
  });

  it('decodes IPv6, v4-mapped and loopback addresses from tcp6', () => {
    const entries = parseTcpTable(TCP6);
    expect(entries[0]!.localAddress).toBe('0:0:0:0:0:0:0:0');
    expect(entries[1]).toMatchObject({ localAddress: '0:0:0:0:0:0:0:1', localPort: 49558, remotePort: 3001 });
    expect(entries[2]).toMatchObject({ localAddress: '127.0.0.1', remoteAddress: '127.0.0.1', remotePort: 47770 });
  });

  it('skips the header, blank and malformed lines', () => {
    expect(parseTcpTable(`${TCP.split('\n')[0]}\n\n  7: garbage\n  8: 0100007F:ZZZZ 0100007F:0BB8 01 0 0 0 0 0 1\n`)).toEqual([]);
  });

  it('decodes a remote IPv4 address byte by byte', () => {
    expect(decodeAddress('5DB8D822')).toBe('34.216.184.93');
    expect(decodeAddress('0100007F')).toBe('127.0.0.1');
    expect(decodeAddress('xyz')).toBeUndefined();
  });
});

describe('outgoingLocalConnections', () => {
  it('keeps the client ends of connections to this host, over IPv4 and IPv6', () => {
    const inodes = outgoingLocalConnections(both).map((e) => e.inode);
    expect(inodes.sort()).toEqual(['241385', '241387', '241389']);
  });

  it('drops server ends (local port listening), TIME_WAIT and remote hosts', () => {
    const inodes = new Set(outgoingLocalConnections(both).map((e) => e.inode));
    for (const server of ['241386', '241388', '241390']) expect(inodes.has(server)).toBe(false);
    expect(inodes.has('241400')).toBe(false);
    expect(inodes.has('0')).toBe(false);
  });

  it('counts a connection to one of the host\'s own non-loopback addresses', () => {
    // 10.0.0.10 listens on 3002; a client on the same host connects to 10.0.0.10:3002.
    const table = `header
   0: 0A00000A:0BBA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 500 1
   1: 0A00000A:A000 0A00000A:0BBA 01 00000000:00000000 00:00000000 00000000     0        0 501 1
   2: 0A00000A:0BBA 0A00000A:A000 01 00000000:00000000 00:00000000 00000000     0        0 502 1
`;
    expect(outgoingLocalConnections(parseTcpTable(table)).map((e) => e.inode)).toEqual(['501']);
  });
});

describe('connectionsOfSockets', () => {
  it('gives each client socket held by a managed process as (fromPid, toPort)', () => {
    const owners = new Map([
      ['241385', 11],
      ['241387', 12],
      ['241386', 13],
    ]);
    expect(connectionsOfSockets(both, owners)).toEqual([
      { fromPid: 11, toPort: 3000 },
      { fromPid: 12, toPort: 3001 },
    ]);
  });
});
