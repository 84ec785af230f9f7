import { COMMANDS } from './command-table.js';
import { UsageError } from './exit-codes.js';
import { nearestName } from './flags.js';

/** The error for a command name that does not exist, with the nearest one when it is close. */
export function unknownCommand(name: string): UsageError {
  const near = nearestName(name, COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]));
  const hint = near === undefined ? 'run "pmdaemon help" for the list' : `did you mean "${near}"?`;
  return new UsageError(`unknown command "${name}"; ${hint}`);
}
