import type { CommandSpec } from '../command.js';
import { COMMANDS, findCommand } from '../command-table.js';
import { formatCommandHelp, formatCommandList } from '../help-text.js';
import { unknownCommand } from '../unknown-command.js';

export const help: CommandSpec = {
  usage: 'help [command]',
  flags: [],
  async run(args, { io }) {
    const [name] = args.positionals;
    if (name === undefined) {
      io.stdout.write(formatCommandList(COMMANDS));
      return 0;
    }
    const entry = findCommand(name);
    if (!entry) throw unknownCommand(name);
    io.stdout.write(formatCommandHelp(await entry.load()));
    return 0;
  },
};
