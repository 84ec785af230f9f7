import { exitCodeFor, EXIT, UsageError } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';

const USAGE = `usage: pmdaemon <command> [options]

commands:
  up <file> [--only a,b]   run the apps of an ecosystem file in the foreground
  version                  print the version
  help                     this text
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Each command is imported only when run, so no command pays for another's modules.
const COMMANDS: Record<string, () => Promise<Command>> = {
  up: async () => (await import('./commands/up.js')).up,
  version: async () => (await import('./commands/version.js')).version,
};

/** Runs one CLI invocation and returns its exit code; every error is printed here, once. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name === '--version' || name === '-v' ? 'version' : name];
  try {
    if (!load) throw new UsageError(`unknown command "${name}"; run "pmdaemon help" for the list`);
    return await (await load())(rest, io);
  } catch (error) {
    io.stderr.write(`pmdaemon: ${messageOf(error)}\n`);
    return exitCodeFor(error);
  }
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return `${error.message}; run "pmdaemon help"`;
  }
  return error.message;
}
