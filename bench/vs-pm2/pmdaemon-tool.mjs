// pmdaemon driven only through its CLI, as a user would, with its own temp PMDAEMON_HOME.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from './run-cli.mjs';
import { cmdline } from './proc.mjs';
import { teardown } from './teardown.mjs';

/** The package's "bin": a user's `pmdaemon` executes it (its #!/bin/sh half, then node); `node <it>` also works. */
export const PMDAEMON_BIN = fileURLToPath(new URL('../../dist/bin/pmdaemon.cjs', import.meta.url));

/** Runs the bin as a shell runs `pmdaemon ...` (execve of the file itself); see runProgram. */
export function runPmdaemon(args, options = {}) {
  return runProgram(PMDAEMON_BIN, args, { ...options, label: 'pmdaemon' });
}

/** A pmdaemon under test; every method spawns one fresh CLI process. */
export function createPmdaemonTool() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-vs-pm2-'));
  const env = { ...process.env, PMDAEMON_HOME: home };
  const cli = (...args) => runPmdaemon(args, { env, cwd: home });
  const tool = {
    label: 'pmdaemon',
    home,
    daemonPid: undefined,
    commands: { ping: 'pmdaemon ping', list: 'pmdaemon list --json', start: 'pmdaemon start "sleep 600" --name s --instances 50' },
    startMode: 'one start command with --instances N',
    async startDaemon() {
      const { stdout } = await cli('ping', '--json');
      tool.daemonPid = JSON.parse(stdout).pid;
      if (!/pmdaemon-daemon\.c?js/.test(cmdline(tool.daemonPid))) throw new Error(`pid ${tool.daemonPid} from ping --json is not a pmdaemon daemon`);
      return tool.daemonPid;
    },
    ping: () => cli('ping'),
    async list() {
      const result = await cli('list', '--json');
      return { ms: result.ms, instances: JSON.parse(result.stdout).map((row) => ({ app: row.app, pid: row.pid, online: row.status === 'online', errored: row.status === 'errored' })) };
    },
    startSleep: (name, count) => cli('start', 'sleep 600', '--name', name, '--instances', String(count)),
    remove: (name) => cli('delete', name),
    teardown: () => teardown({ kill: () => cli('kill'), daemonPid: tool.daemonPid, envEntry: `PMDAEMON_HOME=${home}`, home }),
  };
  return tool;
}
