import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../src/api/types.js';
import { packageVersion } from '../../../src/cli/commands/version.js';
import { environOf } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { cleanupHomes, daemonHome, FIXTURES, requireBuild, ROOT } from './cli-support.js';
import { writeModuleRecorder } from '../../helpers/module-recorder.js';

// The package's "bin" (scripts/bundle-cli.mjs), reached as npm links it: node_modules/.bin/pmdaemon → ../pmdaemon/dist/bin/pmdaemon.cjs.
const SHIPPED_BIN = path.join(ROOT, 'dist/bin/pmdaemon.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-bin-'));
const binDir = path.join(dir, 'node_modules/.bin');
const preload = writeModuleRecorder(dir);
// A path no certificate file is at: node warns on stderr at start-up when NODE_EXTRA_CA_CERTS names it.
const NO_CERTS = path.join(dir, 'no-such-extra-ca.pem');
const CERTS_WARNING = `Ignoring extra certs from \`${NO_CERTS}\``;

fs.mkdirSync(binDir, { recursive: true });
fs.symlinkSync(ROOT, path.join(dir, 'node_modules/pmdaemon'));
fs.symlinkSync('../pmdaemon/dist/bin/pmdaemon.cjs', path.join(binDir, 'pmdaemon'));

interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Whether the process loaded the full CLI (dist/cli/main.js), i.e. the fast path handed over. */
  loadedCli: boolean;
}

/** `pmdaemon <args>` found on PATH in node_modules/.bin, as a shell or npx runs it, for `home`. */
function pmdaemon(home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<BinResult> {
  const loaded = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(loaded, '');
  const fullEnv = {
    ...process.env,
    PATH: `${binDir}:${process.env.PATH ?? ''}`,
    PMDAEMON_HOME: home,
    NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
    PMD_LOADED: loaded,
    ...env,
  };
  return new Promise((resolve) => {
    execFile('pmdaemon', args, { cwd: FIXTURES, env: fullEnv, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const loadedCli = fs.readFileSync(loaded, 'utf8').split('\n').some((url) => url.endsWith('/dist/cli/main.js'));
      resolve({ code, stdout, stderr, loadedCli });
    });
  });
}

const servers: net.Server[] = [];

/** A fake daemon on `home`'s socket: hello answered with `version`, every other request with `answer`. */
async function fakeDaemon(home: string, version: string, answer: (method: string) => object): Promise<void> {
  const server = net.createServer((socket) => {
    let buffered = '';
    // A client that has its answer may reset the connection: normal.
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
        const request = JSON.parse(buffered.slice(0, end)) as { id: number; method: string };
        buffered = buffered.slice(end + 1);
        const reply = request.method === 'hello' ? { result: { version, pid: 4242, startedAt: Date.now(), home } } : answer(request.method);
        socket.write(`${JSON.stringify({ id: request.id, ...reply })}\n`);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path.join(home, 'daemon.sock'), resolve));
}

beforeAll(() => {
  requireBuild();
  if (!fs.existsSync(SHIPPED_BIN)) throw new Error(`${SHIPPED_BIN} is missing: npm run build makes it (scripts/bundle-cli.mjs)`);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await cleanupHomes();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the pmdaemon bin, run through an npm-style symlink', () => {
  it('starts a daemon through the full CLI when none runs, then answers ping and list --json without loading the CLI', async () => {
    const d = daemonHome();
    const first = await pmdaemon(d.home, ['ping', '--json']);
    expect(first, first.stderr).toMatchObject({ code: 0, loadedCli: true });
    const daemonPid = (JSON.parse(first.stdout) as { pid: number }).pid;
    d.remember(daemonPid);
    expect((await pmdaemon(d.home, ['start', 'idle.mjs', '--name', 'quick'])).code).toBe(0);

    const ping = await pmdaemon(d.home, ['ping']);
    expect(ping).toMatchObject({ code: 0, stderr: '', loadedCli: false });
    expect(ping.stdout).toMatch(new RegExp(`^pong: \\d+\\.\\d\\d ms round trip; daemon pid ${daemonPid}, version ${packageVersion()}, up \\d+s\\n$`));
    const pingJson = await pmdaemon(d.home, ['ping', '--json']);
    expect(pingJson).toMatchObject({ code: 0, loadedCli: false });
    expect(JSON.parse(pingJson.stdout)).toMatchObject({ pid: daemonPid, version: packageVersion(), home: d.home, rttMs: expect.any(Number) });
    for (const name of ['list', 'ls']) {
      const list = await pmdaemon(d.home, [name, '--json']);
      expect(list).toMatchObject({ code: 0, stderr: '', loadedCli: false });
      const rows = JSON.parse(list.stdout) as ProcessRow[];
      expect(rows.map((r) => [r.id, r.status])).toEqual([['quick-0', 'online']]);
      expect(list.stdout).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    }
    await d.list();
  });

  it('hands over to the full CLI, which refuses a daemon of another version', async () => {
    const d = daemonHome();
    await fakeDaemon(d.home, '9.9.9', () => ({ result: [] }));
    const result = await pmdaemon(d.home, ['list', '--json']);
    expect(result).toMatchObject({ code: 5, stdout: '', loadedCli: true });
    expect(result.stderr).toBe(`pmdaemon: the running daemon is pmdaemon 9.9.9, this CLI is ${packageVersion()}; run \`pmdaemon update\` to replace it (apps come back on their ports)\n`);
  });

  it('hands over to the full CLI, which prints the error, when the daemon answers with one', async () => {
    const d = daemonHome();
    await fakeDaemon(d.home, packageVersion(), () => ({ error: { name: 'ProtocolError', message: 'the list is on fire' } }));
    const result = await pmdaemon(d.home, ['list', '--json']);
    expect(result).toMatchObject({ stdout: '', stderr: 'pmdaemon: the list is on fire\n', loadedCli: true });
    expect(result.code).not.toBe(0);
  });
});

describe('NODE_EXTRA_CA_CERTS and the bin', () => {
  it('is moved aside for the node of ping, list --json and monit only', async () => {
    const d = daemonHome();
    const env = { NODE_EXTRA_CA_CERTS: NO_CERTS };
    expect((await pmdaemon(d.home, ['ping'])).code).toBe(0);
    await d.list();
    for (const argv of [['ping'], ['ping', '--json'], ['list', '--json'], ['ls', '--json']]) {
      const result = await pmdaemon(d.home, argv, env);
      expect({ argv, code: result.code, stderr: result.stderr, loadedCli: result.loadedCli }).toEqual({ argv, code: 0, stderr: '', loadedCli: false });
    }
    // monit's node never reads the file either (its help, to stay out of the terminal).
    const monit = await pmdaemon(d.home, ['monit', '--help'], env);
    expect(monit).toMatchObject({ code: 0, stderr: '' });
    expect(monit.stdout).toMatch(/monit/);
    // Any other command line: node gets the variable and reads the file (here: warns that it cannot).
    for (const argv of [['list'], ['version'], ['ping', '--json', '--help']]) {
      const result = await pmdaemon(d.home, argv, env);
      expect(result.stderr, argv.join(' ')).toContain(CERTS_WARNING);
    }
  });

  it('is back in the environment of a daemon the fall-back starts, and of its apps', async () => {
    const d = daemonHome();
    const dumps = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-dump-'));
    try {
      const ping = await pmdaemon(d.home, ['ping', '--json'], { NODE_EXTRA_CA_CERTS: NO_CERTS });
      expect(ping, ping.stderr).toMatchObject({ code: 0, stderr: '', loadedCli: true });
      const daemonPid = (JSON.parse(ping.stdout) as { pid: number }).pid;
      d.remember(daemonPid);
      const daemonEnv = environOf(daemonPid);
      // The daemon too starts without it (spawnDaemon moves it aside) and hands it back to its apps.
      expect(daemonEnv.get('PMDAEMON_SAVED_NODE_EXTRA_CA_CERTS')).toBe(NO_CERTS);
      expect(daemonEnv.has('NODE_EXTRA_CA_CERTS')).toBe(false);

      expect((await pmdaemon(d.home, ['start', 'env-dump.mjs', '--name', 'dump', '--env', `DUMP_DIR=${dumps}`])).code).toBe(0);
      const dump = await waitFor(() => fs.existsSync(path.join(dumps, '0.json')) && (JSON.parse(fs.readFileSync(path.join(dumps, '0.json'), 'utf8')) as { env: NodeJS.ProcessEnv; pid: number }), { what: 'the app to dump its environment' });
      d.remember(dump.pid);
      expect(dump.env.NODE_EXTRA_CA_CERTS).toBe(NO_CERTS);
      expect(dump.env.PMDAEMON_SAVED_NODE_EXTRA_CA_CERTS).toBeUndefined();
      await d.list();
    } finally {
      fs.rmSync(dumps, { recursive: true, force: true });
    }
  });
});
