import { JSON_FLAG, type CommandSpec } from '../command.js';
import { hasSwitch } from '../flags.js';
import { writeJson } from '../io.js';

export const save: CommandSpec = {
  usage: 'save',
  flags: [JSON_FLAG],
  details: 'Writes every app (spec, ports, desired state) to $PMDAEMON_HOME/dump.json for "pmdaemon resurrect".\n--json prints { file, apps }.\n\nexample:\n  pmdaemon save',
  async run(args, { io, connect }) {
    const result = await (await connect()).save();
    if (hasSwitch(args, 'json')) writeJson(io, result);
    else io.stdout.write(`saved ${result.apps.length} app${result.apps.length === 1 ? '' : 's'}${result.apps.length > 0 ? ` (${result.apps.join(', ')})` : ''} to ${result.file}\n`);
    return 0;
  },
};
