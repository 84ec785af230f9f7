// A 4-instance pmdaemon cluster of app.mjs behind a private nginx whose upstream file the daemon
// rewrites (load_balancer), driven through the CLI with its own temp PMDAEMON_HOME.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../vs-pm2/proc.mjs';
import { PMDAEMON_BIN } from '../vs-pm2/pmdaemon-tool.mjs';
import { runCli } from '../vs-pm2/run-cli.mjs';
import { teardown } from '../vs-pm2/teardown.mjs';
import { getStatus } from './http-get.mjs';
import { freePortRange } from './ports.mjs';
import { startNginx } from './test-helpers.mjs';

export const APP = fileURLToPath(new URL('./app.mjs', import.meta.url));
const INSTANCES = 4;

/** Ports of the live servers in an nginx upstream file (not the `down` placeholder). */
function upstreamPorts(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => !/\bdown\b/.test(line));
  return lines.flatMap((line) => /server 127\.0\.0\.1:(\d+)/.exec(line)?.slice(1) ?? []).map(Number);
}

/** The recorded exits of every instance (from `info`), to say why a rollout failed. */
async function exitRecords(cli) {
  const parts = [];
  for (let id = 0; id < INSTANCES; id++) {
    const info = await cli('info', 'web', '--instance', String(id)).catch((error) => error.result ?? { stdout: '' });
    parts.push(`web-${id} ${info.stdout.slice(info.stdout.indexOf('  exits')).trim()}`);
  }
  return parts.join('\n');
}

/**
 * Builds the cluster (nginx, daemon, app) and returns a target for measure.mjs; `lb` adds fields
 * to `load_balancer`. Throws an Error with `unsupported` set when the CLI rejects the config.
 */
export async function createPmdaemonCluster({ label, lb = {} }) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-lbvs-'));
  const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-lbvs-nginx-'));
  const env = { ...process.env, PMDAEMON_HOME: home };
  const cli = (...args) => runCli(PMDAEMON_BIN, args, { env, cwd: home });
  let nginx;
  let daemonPid;
  const target = {
    label,
    home,
    url: undefined,
    rolloutCommand: 'pmdaemon restart web --rolling',
    nginxReloads: () => nginx.reloads(),
    async rollout() {
      try {
        return { ms: (await cli('restart', 'web', '--rolling')).ms };
      } catch (error) {
        throw new Error(`${error.message}\n${await exitRecords(cli)}`, { cause: error });
      }
    },
    /** Waits until 4 instances are online and healthy, all in the upstream, and nginx runs one generation; returns their pids. */
    async settle() {
      const pids = await waitFor(async () => {
        const rows = JSON.parse((await cli('list', '--json')).stdout);
        const ready = rows.length === INSTANCES && rows.every((row) => row.status === 'online' && row.health === 'healthy');
        return ready && rows.map((row) => row.pid);
      }, 20_000, `${INSTANCES} healthy instances`, 50);
      await waitFor(() => upstreamPorts(file).length === INSTANCES, 10_000, `${INSTANCES} servers in ${file}`);
      // The daemon reports the servers of its last sync once that sync's reload has run.
      await waitFor(async () => (await cli('info', 'web', '--instance', '0')).stdout.includes(`${file}: ${INSTANCES} servers`), 10_000, 'the last reload run', 50);
      await waitFor(() => nginx.workerPids().length === 2, 10_000, 'one generation of nginx workers');
      await waitFor(async () => (await getStatus(target.url)) === 200, 10_000, 'nginx serving the app');
      return pids;
    },
    async teardown() {
      const problems = await teardown({ kill: () => cli('kill'), daemonPid, envEntry: `PMDAEMON_HOME=${home}`, home });
      try {
        await nginx?.stop();
      } catch (error) {
        problems.push(`nginx: ${error.message}`);
      }
      fs.rmSync(nginxDir, { recursive: true, force: true });
      return problems;
    },
  };
  const file = path.join(nginxDir, 'web-upstream.conf');
  try {
    const from = await freePortRange(INSTANCES + 1);
    // nginx needs the file to exist when it starts; the daemon rewrites it from the first instance on.
    fs.writeFileSync(file, 'upstream web { server 127.0.0.1:1 down; }\n');
    nginx = await startNginx({ dir: nginxDir, listenPort: from + INSTANCES, includeFile: file, upstream: 'web' });
    target.url = nginx.url;
    daemonPid = JSON.parse((await cli('ping', '--json')).stdout).pid;
    const app = {
      name: 'web',
      script: APP,
      instances: INSTANCES,
      port: `${from}-${from + INSTANCES - 1}`,
      kill_timeout: 5000,
      health_check: { check_type: 'http', url: 'http://127.0.0.1:${PORT}/health', interval: 0.5, timeout: 2, retries: 3 },
      load_balancer: { type: 'nginx', file, reload_cmd: nginx.reloadCommand, ...lb },
    };
    target.app = app;
    const config = path.join(home, 'ecosystem.json5');
    fs.writeFileSync(config, JSON.stringify({ apps: [app] }, null, 2));
    const start = await cli('start', config).catch((error) => {
      const text = error.result?.stderr ?? error.message;
      throw Object.assign(new Error(`pmdaemon start rejected the config: ${text.trim()}`), { unsupported: Object.keys(lb).some((k) => text.includes(k)) });
    });
    if (start.code !== 0) throw new Error(`pmdaemon start exited ${start.code}`);
    return target;
  } catch (error) {
    await target.teardown();
    throw error;
  }
}
