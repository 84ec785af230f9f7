import type { RestartOptions } from '../../api/types.js';
import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { ROLLOUT_FLAGS, parseTimeoutFlag, withRolloutProgress } from '../rollout.js';
import { showRows } from '../show-rows.js';
import { INSTANCE_FLAG, parseCountFlag, parseTarget, rowsOf } from '../target.js';

const USAGE = 'restart <app|all> [--instance ID] [--rolling [--batch K] [--timeout TIME]]';

export const restart: CommandSpec = {
  usage: USAGE,
  flags: [
    INSTANCE_FLAG,
    { name: 'rolling', type: 'boolean', help: 'one batch at a time, each waiting until its instances are healthy (or listening, or up min_uptime)' },
    ...ROLLOUT_FLAGS.map((f) => ({ ...f, help: `with --rolling: ${f.help}` })),
    JSON_FLAG,
  ],
  details:
    'A rolling restart prints its progress on stderr (with --json: one JSON object per step on stdout) and stops at the first instance that does not become ready, leaving the rest as they were.\n\nexamples:\n  pmdaemon restart web\n  pmdaemon restart web --instance 0\n  pmdaemon restart web --rolling --batch 2\n  pmdaemon restart all',
  async run(args, { io, connect }) {
    const target = parseTarget(args, USAGE);
    const rolling = hasSwitch(args, 'rolling');
    const batch = parseCountFlag(args, 'batch', 1);
    const timeoutMs = parseTimeoutFlag(args);
    if ((batch !== undefined || timeoutMs !== undefined) && !rolling) throw new UsageError('--batch and --timeout apply to a rolling restart; add --rolling');
    if (rolling && target.instance !== undefined) throw new UsageError('--rolling restarts every instance one batch at a time; drop --instance or --rolling');
    const json = hasSwitch(args, 'json');
    const client = await connect();
    if (!rolling) {
      await client.restart(target, {});
      showRows(io, rowsOf(await client.listProcesses(), target), json);
      return 0;
    }
    const options: RestartOptions = { rolling, ...(batch === undefined ? {} : { batch }), ...(timeoutMs === undefined ? {} : { timeoutMs }) };
    await withRolloutProgress(client, io, (a) => target.app === 'all' || a === target.app, json, () => client.restart(target, options));
    if (!json) showRows(io, rowsOf(await client.listProcesses(), target), false);
    return 0;
  },
};
