import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTreeSampler } from '../../../../src/supervisor/metrics/index.js';
import { buildTopology } from '../../../../src/tui/topology/build-topology.js';
import { readAppConnections, readConnections } from '../../../../src/tui/topology/read-connections.js';
import { processGroups } from '../../../helpers/processes.js';
import { waitFor } from '../../../helpers/wait-for.js';
import { wireApp } from './wire-fixtures.js';

// Connects to 127.0.0.1:<argv[1]> and holds the connection open until killed.
const CLIENT = "require('net').connect(Number(process.argv[1]), '127.0.0.1').on('error', () => process.exit(3)); setInterval(() => {}, 1e6)";
// Starts CLIENT as a child and waits: the connection belongs to a grandchild of the managed pid.
const PARENT = `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(CLIENT)}, process.argv[1]], { stdio: 'ignore' }); setInterval(() => {}, 1e6)`;

describe('readConnections (real sockets)', () => {
  const groups = processGroups();
  let server: net.Server;
  let port: number;
  const accepted: net.Socket[] = [];

  beforeEach(async () => {
    server = net.createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });

  afterEach(async () => {
    groups.killAll();
    for (const s of accepted.splice(0)) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('finds the connection a child process holds to a listener, by its pid', async () => {
    const child = groups.start(process.execPath, ['-e', CLIENT, String(port)]);
    const pid = child.pid!;
    const found = await waitFor(async () => (await readConnections([{ pid }])).find((c) => c.toPort === port), { what: 'the child\'s connection' });
    expect(found).toEqual({ fromPid: pid, toPort: port });
  });

  it('does not report the server end of a connection as an outgoing one', async () => {
    const child = groups.start(process.execPath, ['-e', CLIENT, String(port)]);
    const socket = await waitFor(() => accepted[0], { what: 'the accepted socket' });
    await waitFor(async () => (await readConnections([{ pid: child.pid! }])).length > 0, { what: 'the child\'s connection' });
    const mine = await readConnections([{ pid: process.pid }]);
    expect(mine).not.toContainEqual({ fromPid: process.pid, toPort: socket.remotePort });
  });

  it('credits a grandchild\'s connection to the managed pid, and makes a tcp edge between the apps', async () => {
    const parent = groups.start(process.execPath, ['-e', PARENT, String(port)]);
    const apps = {
      client: wireApp({ name: 'client', instances: 1 }, undefined, parent.pid!),
      server: wireApp({ name: 'server', instances: 1 }, port, 2 ** 22 + 77),
    };
    const connections = await waitFor(async () => {
      const found = await readAppConnections(apps);
      return found.some((c) => c.toPort === port) && found;
    }, { what: 'the grandchild\'s connection' });
    expect(connections).toContainEqual({ fromPid: parent.pid, toPort: port });
    expect(await readConnections([{ pid: parent.pid! }])).toEqual([]);
    const tree = createTreeSampler().sample([parent.pid!]).get(parent.pid!)!.pids;
    const overlapping = await readConnections([{ pid: parent.pid!, pids: tree }, { pid: process.pid, pids: tree }]);
    expect(overlapping.filter((c) => c.toPort === port)).toEqual([{ fromPid: parent.pid, toPort: port }]);
    expect(buildTopology(apps, { connections }).edges).toEqual([
      { from: 'client', to: 'server', via: 'tcp', detail: 'tcp, 1 connection', connections: 1 },
    ]);
  });

  it('gives nothing for pids that do not exist', async () => {
    expect(await readConnections([{ pid: 2 ** 22 + 12_345 }])).toEqual([]);
  });
});
