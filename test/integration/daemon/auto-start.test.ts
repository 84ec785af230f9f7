import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDaemonClient } from '../../../src/client/connect.js';
import { DAEMON_NODE_FLAGS } from '../../../src/client/spawn-daemon.js';
import { cmdlineOf, isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { connectTo, DAEMON_SCRIPT, daemonPidsFor, killDaemons, netTable, newHome, procStat, socketInodes } from './support.js';

afterEach(killDaemons);

describe('starting the daemon on demand', () => {
  it('starts a daemon on the first connect and reuses it on the next', async () => {
    const home = newHome();
    expect(fs.existsSync(home)).toBe(false);
    const first = await connectTo(home);
    const second = await connectTo(home);
    expect(first.server.pid).toBeGreaterThan(0);
    expect(second.server.pid).toBe(first.server.pid);
    expect(first.server).toMatchObject({ home, version: expect.any(String) });
    expect(daemonPidsFor(home)).toEqual([first.server.pid]);
    expect(fs.readFileSync(path.join(home, 'daemon.log'), 'utf8')).toContain(`listening on ${path.join(home, 'daemon.sock')}`);
  });

  it('starts the bundled daemon with its node flags when used as the package (import from dist/index.js)', async () => {
    const home = newHome();
    const entry = new URL('../../../dist/index.js', import.meta.url).href;
    const pkg = (await import(entry)) as typeof import('../../../src/index.js');
    const client = await pkg.connect({ home });
    try {
      expect(daemonPidsFor(home)).toEqual([client.server.pid]);
      expect(cmdlineOf(client.server.pid)).toEqual([process.execPath, ...DAEMON_NODE_FLAGS, DAEMON_SCRIPT.replace(/\.js$/, '.cjs')]);
    } finally {
      await client.close();
    }
  });

  it('keeps its home private: the directory is 0700 and the socket 0600', async () => {
    const home = newHome();
    await connectTo(home);
    expect(fs.statSync(home).mode & 0o777).toBe(0o700);
    const socket = fs.statSync(path.join(home, 'daemon.sock'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(home, 'daemon.log')).mode & 0o777).toBe(0o600);
  });

  it('opens no TCP socket: its only listening socket is daemon.sock', async () => {
    const home = newHome();
    const { server } = await connectTo(home);
    const mine = socketInodes(server.pid);
    const tcp = new Map([...netTable('tcp'), ...netTable('tcp6')]);
    expect([...mine].filter((inode) => tcp.has(inode)).map((inode) => tcp.get(inode))).toEqual([]);
    // The scan does see the daemon's sockets: daemon.sock is among them.
    const unix = netTable('unix');
    const paths = [...mine].map((inode) => unix.get(inode) ?? '');
    expect(paths.some((row) => row.endsWith(path.join(home, 'daemon.sock')))).toBe(true);
  });

  it('runs in its own session, re-parented away from the process that started it', async () => {
    const home = newHome();
    const { server } = await connectTo(home);
    const daemon = procStat(server.pid);
    expect(daemon.session).not.toBe(procStat(process.pid).session);
    expect(daemon.ppid).not.toBe(process.pid);
    // Not a session leader either, so it can never acquire a controlling terminal.
    expect(daemon.session).not.toBe(server.pid);
    expect(fs.readlinkSync(`/proc/${server.pid}/cwd`)).toBe('/');
  });

  it('starts exactly one daemon when five clients connect to a fresh home at once', async () => {
    const home = newHome();
    const clients = await Promise.all(Array.from({ length: 5 }, () => connectTo(home)));
    const pids = new Set(clients.map((c) => c.server.pid));
    expect(pids.size).toBe(1);
    const [pid] = [...pids];
    // The losers of the race exit on their own; the winner stays.
    await waitFor(() => daemonPidsFor(home).length === 1, { what: 'the extra daemons to exit' });
    expect(daemonPidsFor(home)).toEqual([pid]);
    expect(fs.readFileSync(path.join(home, 'daemon.log'), 'utf8').match(/listening on/g)).toHaveLength(1);
  });

  it('replaces the socket file of a daemon that died by SIGKILL', async () => {
    const home = newHome();
    const { server } = await connectTo(home);
    process.kill(server.pid, 'SIGKILL');
    await waitFor(() => !isRunning(server.pid), { what: 'the daemon to die' });
    expect(fs.existsSync(path.join(home, 'daemon.sock'))).toBe(true);
    const next = await connectTo(home);
    expect(next.server.pid).not.toBe(server.pid);
    expect(await next.listProcesses()).toEqual([]);
  });

  it('fails with DaemonNotRunningError when asked not to start one', async () => {
    const home = newHome();
    await expect(openDaemonClient({ home, autoStart: false, daemonScript: DAEMON_SCRIPT })).rejects.toMatchObject({
      name: 'DaemonNotRunningError',
      message: `no pmdaemon daemon is running for ${home}`,
    });
    expect(daemonPidsFor(home)).toEqual([]);
  });

  it('names daemon.log, with its last lines, when the daemon never comes up', async () => {
    const home = newHome();
    const broken = path.join(path.dirname(home), 'broken-daemon.mjs');
    fs.writeFileSync(broken, 'console.error("daemon exploded on start"); process.exit(1);\n');
    const started = Date.now();
    const error = await openDaemonClient({ home, daemonScript: broken, startTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DaemonStartError' });
    expect((error as Error).message).toContain(`the pmdaemon daemon did not start within 0.5 s; see ${home}/daemon.log`);
    expect((error as Error).message).toContain('daemon exploded on start');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
