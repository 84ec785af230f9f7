import type { DaemonConnection } from '../client/index.js';
import type { FlagDef, ParsedArgs } from './flags.js';
import type { CliIo } from './io.js';

/** How a command reaches the daemon: whether it may start one, and whether another version will do. */
export interface ConnectOptions {
  autoStart?: boolean;
  allowVersionMismatch?: boolean;
}

/** The daemon client the CLI uses: the API, daemon control, the handshake info, a timed ping. */
export type CliClient = DaemonConnection;

/** Opens a client; the CLI closes every client it opened when the command ends. */
export type Connect = (options?: ConnectOptions) => Promise<CliClient>;

export interface CommandContext {
  io: CliIo;
  connect: Connect;
}

/** One CLI command: its usage line, its flags (parsing and help) and what it does. */
export interface CommandSpec {
  usage: string;
  flags: readonly FlagDef[];
  /** More lines for `--help` (examples, notes). */
  details?: string;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}

/** The `--json` flag every command that prints data takes. */
export const JSON_FLAG: FlagDef = { name: 'json', type: 'boolean', help: 'print one JSON document on stdout' };
