import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { writeJson } from '../io.js';
import { INSTANCE_FLAG, parseTarget } from '../target.js';

const USAGE = 'delete <app|all>';

export const deleteCommand: CommandSpec = {
  usage: USAGE,
  flags: [{ ...INSTANCE_FLAG, help: 'refused: delete removes whole apps; scale removes instances' }, JSON_FLAG],
  details: 'Stops every instance of the app and forgets it; its log files stay.\n\nexamples:\n  pmdaemon delete web\n  pmdaemon delete all',
  async run(args, { io, connect }) {
    const target = parseTarget(args, USAGE);
    if (target.instance !== undefined) throw new UsageError('delete removes whole apps; to remove instances use "pmdaemon scale"');
    const client = await connect();
    const deleted = await client.delete(target);
    if (hasSwitch(args, 'json')) writeJson(io, { deleted });
    else io.stdout.write(deleted.length === 0 ? 'nothing to delete\n' : `deleted: ${deleted.join(', ')}\n`);
    return 0;
  },
};
