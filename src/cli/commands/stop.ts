import { JSON_FLAG, type CommandSpec } from '../command.js';
import { hasSwitch } from '../flags.js';
import { showRows } from '../show-rows.js';
import { INSTANCE_FLAG, parseTarget, rowsOf } from '../target.js';

const USAGE = 'stop <app|all> [--instance ID]';

export const stop: CommandSpec = {
  usage: USAGE,
  flags: [INSTANCE_FLAG, JSON_FLAG],
  details: 'Stops gracefully (kill_signal, then SIGKILL after kill_timeout); the app stays listed.\n\nexamples:\n  pmdaemon stop web\n  pmdaemon stop web --instance 2\n  pmdaemon stop all',
  async run(args, { io, connect }) {
    const target = parseTarget(args, USAGE);
    const client = await connect();
    await client.stop(target);
    showRows(io, rowsOf(await client.listProcesses(), target), hasSwitch(args, 'json'));
    return 0;
  },
};
