// PM2 driven through its CLI with its own temp PM2_HOME; N instances of a binary via an ecosystem file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli.mjs';
import { waitFor } from './proc.mjs';
import { teardown } from './teardown.mjs';

/** A PM2 under test (`bin` from ensurePm2); every method spawns one fresh `pm2` process. */
export function createPm2Tool(bin) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pm2-vs-pmd-'));
  const env = { ...process.env, PM2_HOME: home };
  const cli = (...args) => runCli(bin, args, { env, cwd: home });
  const tool = {
    label: 'PM2',
    home,
    daemonPid: undefined,
    commands: { ping: 'pm2 ping', list: 'pm2 jlist', start: 'pm2 start s.json (apps: [{ script: "sleep", args: "600", instances: 50, exec_mode: "fork" }])' },
    // `-i N` is cluster mode, which PM2 supports for node scripts only; fork mode takes `instances` from a file.
    startMode: 'one ecosystem file, instances: N, exec_mode: "fork"',
    async startDaemon() {
      await cli('ping');
      const pidFile = path.join(home, 'pm2.pid');
      tool.daemonPid = await waitFor(() => fs.existsSync(pidFile) && Number(fs.readFileSync(pidFile, 'utf8').trim()), 5000, 'pm2.pid');
      return tool.daemonPid;
    },
    ping: () => cli('ping'),
    async list() {
      const result = await cli('jlist');
      // jlist is the JSON document on the last non-empty line; PM2 may print notices before it.
      const json = result.stdout.trim().split('\n').pop() ?? '[]';
      return { ms: result.ms, instances: JSON.parse(json).map((proc) => ({ app: proc.name, pid: proc.pid, online: proc.pm2_env?.status === 'online', errored: proc.pm2_env?.status === 'errored' })) };
    },
    startSleep(name, count) {
      const file = path.join(home, `${name}.json`);
      fs.writeFileSync(file, JSON.stringify({ apps: [{ name, script: 'sleep', args: '600', instances: count, exec_mode: 'fork' }] }));
      return cli('start', file);
    },
    remove: (name) => cli('delete', name),
    teardown: () => teardown({ kill: () => cli('kill'), daemonPid: tool.daemonPid, envEntry: `PM2_HOME=${home}`, home }),
  };
  return tool;
}
