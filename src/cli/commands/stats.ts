import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { formatStats } from '../format/stats-text.js';
import { writeJson, writeLines } from '../io.js';

const USAGE = 'stats <app>';

export const stats: CommandSpec = {
  usage: USAGE,
  flags: [JSON_FLAG],
  details: 'Online/total, healthy, CPU total and average, memory total, restarts, uptime range.\n--json prints { app, online, total, healthy, unhealthy, cpuTotal, cpuAvg, memoryTotal, restarts, uptimeMin, uptimeMax }.\n\nexample:\n  pmdaemon stats web',
  async run(args, { io, connect }) {
    const [app, ...extra] = args.positionals;
    if (app === undefined || extra.length > 0) throw new UsageError(`usage: pmdaemon ${USAGE}`);
    if (app === 'all') throw new UsageError('stats summarises one app; use "pmdaemon list" for all of them');
    const s = await (await connect()).stats(app);
    if (hasSwitch(args, 'json')) writeJson(io, s);
    else writeLines(io, formatStats(s));
    return 0;
  },
};
