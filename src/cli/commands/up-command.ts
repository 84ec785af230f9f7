import type { CommandSpec } from '../command.js';
import type { ParsedArgs } from '../flags.js';
import { up, UP_USAGE } from './up.js';

/** `up` as a table command: its flags drive parsing and help, and are handed back to `up` as argv. */
export const upCommand: CommandSpec = {
  usage: UP_USAGE.replace(/^pmdaemon /, ''),
  flags: [
    { name: 'only', type: 'string', value: 'a,b', help: 'run only these apps of the file' },
    { name: 'tui', type: 'boolean', help: 'show the full-screen UI (as monit) instead of printing state changes; q stops everything' },
    { name: 'read-only', type: 'boolean', help: 'with --tui: no actions from the keyboard' },
    { name: 'color', type: 'string', value: 'auto|never|16|256|truecolor', help: 'with --tui: colour depth' },
  ],
  details: 'Runs in this process (no daemon), prints one line per state change, and stops every instance\ngracefully on Ctrl+C or SIGTERM. For containers and systemd.\n\nexample:\n  pmdaemon up examples/three-tier.json5 --only api',
  run: (args, { io }) => up(toArgv(args), io),
};

/** The parsed words back as argv, so a flag added to `flags` reaches `up` without more code. */
function toArgv(args: ParsedArgs): string[] {
  const flags = [...args.values].flatMap(([name, values]) => values.flatMap((v) => [`--${name}`, v]));
  return [...args.positionals, ...flags, ...[...args.switches].map((name) => `--${name}`)];
}
