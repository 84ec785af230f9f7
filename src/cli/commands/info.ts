import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { formatInstanceInfo } from '../format/info-text.js';
import { writeJson, writeLines } from '../io.js';
import { INSTANCE_FLAG, parseTarget } from '../target.js';

const USAGE = 'info <app> [--instance ID]';

export const info: CommandSpec = {
  usage: USAGE,
  flags: [INSTANCE_FLAG, JSON_FLAG],
  details: 'Spec, command, environment, pid, port, log paths, health and exit history of each instance.\n--json prints an array of { row, spec, env, command, logs, lastHealth, exits }.\n\nexamples:\n  pmdaemon info web\n  pmdaemon info web --instance 1 --json',
  async run(args, { io, connect }) {
    const target = parseTarget(args, USAGE);
    if (target.app === 'all') throw new UsageError('info shows one app; use "pmdaemon list" for all of them');
    const infos = await (await connect()).describe(target);
    const now = Date.now();
    if (hasSwitch(args, 'json')) writeJson(io, infos);
    else writeLines(io, infos.flatMap((i, k) => [...(k === 0 ? [] : ['']), ...formatInstanceInfo(i, now)]));
    return 0;
  },
};
