import type { CliClient, Connect, ConnectOptions } from './command.js';
import { COMMANDS, findCommand } from './command-table.js';
import { exitCodeFor, EXIT } from './exit-codes.js';
import { parseFlags, wantsHelp } from './flags.js';
import { processIo, type CliIo } from './io.js';

/** Runs one CLI invocation and returns its exit code; every error is printed here, once. */
export async function main(argv: string[], io: CliIo = processIo, connect: Connect = daemonConnect(io)): Promise<number> {
  const [first, ...rest] = argv;
  // Help and the unknown-command hint load only when needed: every module costs a command's start-up.
  if (first === undefined) {
    const { formatCommandList } = await import('./help-text.js');
    io.stderr.write(formatCommandList(COMMANDS));
    return EXIT.usage;
  }
  const name = first === '--help' || first === '-h' ? 'help' : first === '--version' || first === '-v' ? 'version' : first;
  const opened: CliClient[] = [];
  const tracked: Connect = async (options) => {
    const client = await connect(options);
    opened.push(client);
    return client;
  };
  try {
    const entry = findCommand(name);
    if (!entry) throw (await import('./unknown-command.js')).unknownCommand(name);
    const spec = await entry.load();
    if (wantsHelp(rest)) {
      const { formatCommandHelp } = await import('./help-text.js');
      io.stdout.write(formatCommandHelp(spec));
      return EXIT.ok;
    }
    return await spec.run(parseFlags(rest, spec.flags, entry.name), { io, connect: tracked });
  } catch (error) {
    // A config error lists one problem per line; each line says where it comes from.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(message.split('\n').map((line) => `pmdaemon: ${line}\n`).join(''));
    return exitCodeFor(error);
  } finally {
    await Promise.all(opened.map((c) => c.close().catch(() => undefined)));
  }
}

/** Connects to the daemon of `io.env`'s home; the client module is loaded only by commands that need it. */
function daemonConnect(io: CliIo): Connect {
  return async (options: ConnectOptions = {}) => {
    const { connect } = await import('../client/index.js');
    return connect({ ...options, env: io.env });
  };
}
