import { JSON_FLAG, type CliClient, type CommandSpec, type Connect } from '../command.js';
import { hasSwitch } from '../flags.js';
import { writeJson, type CliIo } from '../io.js';
import { packageVersion } from './version.js';

export const showVersion: CommandSpec = {
  usage: 'version',
  flags: [JSON_FLAG],
  details: 'Prints this CLI\'s version and, when a daemon runs, the daemon\'s (never starts one).\n--json prints { cli, daemon: { version, pid } | null }.\n\nexample:\n  pmdaemon version',
  async run(args, { io, connect }) {
    const cli = packageVersion();
    const client = await daemonIfReachable(connect, io);
    const daemon = client ? { version: client.server.version, pid: client.server.pid } : null;
    if (hasSwitch(args, 'json')) {
      writeJson(io, { cli, daemon });
    } else {
      const mismatch = daemon && daemon.version !== cli ? ' — another version: run "pmdaemon update"' : '';
      io.stdout.write(`pmdaemon ${cli}\ndaemon   ${daemon ? `${daemon.version} (pid ${daemon.pid})${mismatch}` : 'not running'}\n`);
    }
    return 0;
  },
};

/** The running daemon of any version, or undefined when there is none (a daemon is never started here). */
export async function runningDaemon(connect: Connect): Promise<CliClient | undefined> {
  try {
    return await connect({ autoStart: false, allowVersionMismatch: true });
  } catch (error) {
    if (error instanceof Error && error.name === 'DaemonNotRunningError') return undefined;
    throw error;
  }
}

/** Like runningDaemon, but a daemon that cannot be reached is only a warning (version must always answer). */
async function daemonIfReachable(connect: Connect, io: CliIo): Promise<CliClient | undefined> {
  try {
    return await runningDaemon(connect);
  } catch (error) {
    io.stderr.write(`pmdaemon: cannot reach the daemon: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
