import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAVED_EXTRA_CA_CERTS } from '../../../src/lib/saved-env.js';
import type { DaemonConnection } from '../../../src/client/daemon-client.js';
import { daemonEnv } from '../../../src/client/spawn-daemon.js';
import { freePortRange } from '../../helpers/free-port-range.js';
import { environOf } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { fixtureSpec } from '../support.js';
import { connectTo, daemonPidsFor, killDaemons, newHome, trackPid } from './support.js';

const dirs: string[] = [];
afterEach(async () => {
  try {
    await killDaemons();
  } finally {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
});

const hasOpenssl = ((): boolean => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// An https server on $PORT with the certificate in $CERT_DIR, and a checker that only passes when node trusts it.
const SERVER = `import fs from 'node:fs';
import https from 'node:https';
const dir = process.env.CERT_DIR;
https
  .createServer({ key: fs.readFileSync(dir + '/server.key'), cert: fs.readFileSync(dir + '/server.pem') }, (_req, res) => res.end('ok'))
  .listen(Number(process.env.PORT), '127.0.0.1');
`;
const CHECKER = `import https from 'node:https';
https
  .get('https://127.0.0.1:' + process.env.PORT + '/', { agent: false }, (res) => process.exit(res.statusCode === 200 ? 0 : 1))
  .on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
`;

/** A throwaway CA and a certificate for 127.0.0.1 it signed, plus the two scripts above, in a new temp dir. */
function makeCertDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  dirs.push(dir);
  const run = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=pmdaemon test CA');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.ext');
  fs.writeFileSync(path.join(dir, 'server.mjs'), SERVER);
  fs.writeFileSync(path.join(dir, 'checker.mjs'), CHECKER);
  return dir;
}

/** Waits until `app`-0 is healthy; on timeout the error carries its last probe message. */
async function waitHealthy(client: DaemonConnection, app: string): Promise<number> {
  return waitFor(
    async () => {
      const [info] = await client.describe({ app, instance: 0 });
      if (info?.row.health === 'healthy' && info.row.pid !== null) return info.row.pid;
      throw new Error(`${app}-0 is ${info?.row.health ?? 'missing'}: ${info?.lastHealth?.message ?? 'not probed yet'}`);
    },
    { timeoutMs: 20_000, intervalMs: 50, what: `${app}-0 to be healthy` },
  );
}

describe('daemonEnv', () => {
  it('moves NODE_EXTRA_CA_CERTS under the saved name and sets PMDAEMON_HOME', () => {
    const env = daemonEnv({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem' }, '/h');
    expect(env).toEqual({ PATH: '/bin', PMDAEMON_HOME: '/h', [SAVED_EXTRA_CA_CERTS]: '/etc/corp-ca.pem' });
  });

  it('leaves both alone when the saved name is already set, and never changes its input', () => {
    const input = { NODE_EXTRA_CA_CERTS: '/a.pem', [SAVED_EXTRA_CA_CERTS]: '/b.pem' };
    expect(daemonEnv(input, '/h')).toEqual({ ...input, PMDAEMON_HOME: '/h' });
    expect(input).toEqual({ NODE_EXTRA_CA_CERTS: '/a.pem', [SAVED_EXTRA_CA_CERTS]: '/b.pem' });
  });

  it('passes a saved value from the bin launcher through unchanged', () => {
    expect(daemonEnv({ [SAVED_EXTRA_CA_CERTS]: '/c.pem' }, '/h')).toEqual({ [SAVED_EXTRA_CA_CERTS]: '/c.pem', PMDAEMON_HOME: '/h' });
  });
});

describe.skipIf(!hasOpenssl)('a daemon started with NODE_EXTRA_CA_CERTS (needs the openssl CLI)', () => {
  it('is exec\'d without it, yet gives it to its apps and health scripts, and probes https without it', async () => {
    const certs = makeCertDir();
    const caFile = path.join(certs, 'ca.pem');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: caFile };
    delete env[SAVED_EXTRA_CA_CERTS];
    const home = newHome();
    const client = await connectTo(home, { env });
    const from = await freePortRange(2);
    const server = path.join(certs, 'server.mjs');
    await client.start([
      // The daemon's own probe: node started it without the CA, so this passes only while probes verify no certificate.
      fixtureSpec({
        name: 'probed',
        script: server,
        port: `${from}`,
        env: { CERT_DIR: certs },
        health_check: { check_type: 'http', url: 'https://127.0.0.1:${PORT}/health', interval: '200ms', timeout: '5s', retries: 3 },
      }),
      // A health script in node verifies the certificate: it passes only if the user's variable reached it.
      fixtureSpec({
        name: 'verified',
        script: server,
        port: `${from + 1}`,
        env: { CERT_DIR: certs },
        health_check: { check_type: 'script', command: `"${process.execPath}" "${path.join(certs, 'checker.mjs')}"`, interval: '200ms', timeout: '10s', retries: 3 },
      }),
    ]);
    const probedPid = await waitHealthy(client, 'probed');
    const verifiedPid = await waitHealthy(client, 'verified');
    trackPid(probedPid);
    trackPid(verifiedPid);

    const [daemonPid] = daemonPidsFor(home);
    expect(daemonPid).toBeDefined();
    const daemonEnviron = environOf(daemonPid!);
    expect(daemonEnviron.get(SAVED_EXTRA_CA_CERTS)).toBe(caFile);
    expect(daemonEnviron.has('NODE_EXTRA_CA_CERTS')).toBe(false);

    for (const pid of [probedPid, verifiedPid]) {
      const appEnviron = environOf(pid);
      expect(appEnviron.get('NODE_EXTRA_CA_CERTS')).toBe(caFile);
      expect(appEnviron.has(SAVED_EXTRA_CA_CERTS)).toBe(false);
    }
  });
});
