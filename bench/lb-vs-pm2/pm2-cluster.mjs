// The same app under PM2 in cluster mode: 4 workers sharing one port through Node's cluster
// module, driven through PM2's CLI with its own temp PM2_HOME.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../vs-pm2/proc.mjs';
import { runCli } from '../vs-pm2/run-cli.mjs';
import { teardown } from '../vs-pm2/teardown.mjs';
import { getStatus } from './http-get.mjs';
import { APP } from './pmdaemon-cluster.mjs';
import { freePortRange } from './ports.mjs';
import { liveChildren } from './test-helpers.mjs';

const INSTANCES = 4;

/** Builds the PM2 cluster and returns a target for measure.mjs; `bin` is PM2's CLI script. */
export async function createPm2Cluster({ label, bin }) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pm2-lbvs-'));
  const env = { ...process.env, PM2_HOME: home };
  const cli = (...args) => runCli(bin, args, { env, cwd: home });
  let daemonPid;
  const target = {
    label,
    url: undefined,
    rolloutCommand: 'pm2 reload web',
    nginxReloads: undefined,
    async rollout() {
      return { ms: (await cli('reload', 'web')).ms };
    },
    /** Waits until PM2 lists 4 online workers, the daemon has exactly 4 children and the port answers; returns their pids. */
    async settle() {
      const pids = await waitFor(async () => {
        // jlist is the JSON document on the last non-empty line; PM2 may print notices before it.
        const procs = JSON.parse((await cli('jlist')).stdout.trim().split('\n').pop() ?? '[]');
        const ready = procs.length === INSTANCES && procs.every((p) => p.pm2_env?.status === 'online' && p.pid > 0);
        return ready && procs.map((p) => p.pid);
      }, 20_000, `${INSTANCES} online PM2 workers`, 50);
      await waitFor(() => liveChildren(daemonPid).length === INSTANCES, 10_000, `only ${INSTANCES} workers left under the PM2 daemon`);
      await waitFor(async () => (await getStatus(target.url)) === 200, 10_000, 'the cluster serving');
      return pids;
    },
    teardown: () => teardown({ kill: () => cli('kill'), daemonPid, envEntry: `PM2_HOME=${home}`, home }),
  };
  try {
    const port = await freePortRange(1);
    target.url = `http://127.0.0.1:${port}/`;
    const app = { name: 'web', script: APP, exec_mode: 'cluster', instances: INSTANCES, kill_timeout: 5000, env: { PORT: String(port) } };
    target.app = app;
    const config = path.join(home, 'ecosystem.json');
    fs.writeFileSync(config, JSON.stringify({ apps: [app] }, null, 2));
    await cli('start', config);
    const pidFile = path.join(home, 'pm2.pid');
    daemonPid = await waitFor(() => fs.existsSync(pidFile) && Number(fs.readFileSync(pidFile, 'utf8').trim()), 5000, 'pm2.pid');
    return target;
  } catch (error) {
    await target.teardown();
    throw error;
  }
}
