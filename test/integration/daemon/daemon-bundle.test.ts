import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnDaemon } from '../../../src/client/spawn-daemon.js';
import { cmdlineOf, isRunning } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { connectTo, killDaemons, newHome, trackPid } from './support.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/bin/pmdaemon.js');
const BUNDLE = path.join(ROOT, 'dist/bin/pmdaemon-daemon.cjs');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// The built module, not src/: its DAEMON_BUNDLE is the path the CLI uses.
const { DAEMON_BUNDLE, DAEMON_NODE_FLAGS } = (await import(new URL('../../../dist/client/spawn-daemon.js', import.meta.url).href)) as typeof import('../../../src/client/spawn-daemon.js');

afterEach(killDaemons);

/** `pmdaemon <args> --json` against `home`, which must exit 0; its stdout parsed. */
function cliJson<T>(home: string, ...args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args, '--json'], { env: { ...process.env, PMDAEMON_HOME: home }, cwd: ROOT, timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pmdaemon ${args.join(' ')}: ${stderr}`, { cause: error }));
      else resolve(JSON.parse(stdout) as T);
    });
  });
}

describe('the daemon bundle', () => {
  it('is what the CLI starts: node with DAEMON_NODE_FLAGS running dist/bin/pmdaemon-daemon.cjs', async () => {
    const home = newHome();
    const { pid, version } = await cliJson<{ pid: number; version: string }>(home, 'ping');
    trackPid(pid);
    expect(DAEMON_BUNDLE).toBe(BUNDLE);
    expect(DAEMON_NODE_FLAGS).toContain('--lite-mode');
    expect(cmdlineOf(pid)).toEqual([process.execPath, ...DAEMON_NODE_FLAGS, BUNDLE]);
    // The bundle finds package.json from where version.js was in dist/: the handshake versions agree.
    expect(version).toBe(VERSION);
    expect(await cliJson(home, 'version')).toEqual({ cli: VERSION, daemon: { version: VERSION, pid } });
  });

  it('starts with a clean daemon.log: the start line and no warning from node or V8', async () => {
    const home = newHome();
    const { pid } = await cliJson<{ pid: number }>(home, 'ping');
    trackPid(pid);
    const log = fs.readFileSync(path.join(home, 'daemon.log'), 'utf8');
    expect(log).toContain(`pmdaemon ${VERSION} daemon starting (node ${process.version}, home ${home})`);
    expect(log).not.toMatch(/warning/i);
  });

  it('replaces a daemon started from the unbundled entry on `update`, and brings its app back', async () => {
    const home = newHome();
    const old = await connectTo(home);
    trackPid(old.server.pid);
    expect(cmdlineOf(old.server.pid)[1]).toMatch(/pmdaemon-daemon\.js$/);
    await cliJson(home, 'start', 'sleep 600', '--name', 'nap');
    const result = await cliJson<{ from: { pid: number }; to: { version: string; pid: number }; resurrected: string[] }>(home, 'update');
    trackPid(result.to.pid);
    expect(result.from.pid).toBe(old.server.pid);
    expect(result.to.version).toBe(VERSION);
    expect(cmdlineOf(result.to.pid)).toEqual([process.execPath, ...DAEMON_NODE_FLAGS, BUNDLE]);
    expect(result.resurrected).toEqual(['nap']);
    const rows = await waitFor(async () => {
      const list = await cliJson<Array<{ status: string; pid: number | null }>>(home, 'list');
      return list.length === 1 && list[0]?.status === 'online' ? list : undefined;
    }, { what: 'nap online under the new daemon' });
    if (rows[0]?.pid) trackPid(rows[0].pid);
    await waitFor(() => !isRunning(old.server.pid), { what: 'the old daemon to exit' });
  });

  it('requires nothing but node built-ins: every module of the daemon is inside the one file', () => {
    const requires = [...fs.readFileSync(BUNDLE, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(requires.length).toBeGreaterThan(0);
    expect(requires.filter((id) => !id?.startsWith('node:'))).toEqual([]);
  });

  it('refuses with DaemonStartError naming the bundle when it is missing (here: src/ has no bundle)', async () => {
    const home = newHome();
    fs.mkdirSync(home, { recursive: true });
    const error = await spawnDaemon({ home, logFile: path.join(home, 'daemon.log'), env: process.env }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DaemonStartError' });
    expect((error as Error).message).toContain(`${path.join(ROOT, 'src/bin/pmdaemon-daemon.cjs')} is missing`);
  });
});
