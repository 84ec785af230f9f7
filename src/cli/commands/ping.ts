import { JSON_FLAG, type CommandSpec } from '../command.js';
import { hasSwitch } from '../flags.js';
import { pongLine } from '../format/pong.js';
import { writeJson } from '../io.js';

export const ping: CommandSpec = {
  usage: 'ping',
  flags: [JSON_FLAG],
  details: 'Starts the daemon if none runs, then times one round trip to it.\n--json prints { rttMs, pid, version, startedAt, home }.\n\nexample:\n  pmdaemon ping',
  async run(args, { io, connect }) {
    const { rttMs, server } = await (await connect()).ping();
    if (hasSwitch(args, 'json')) writeJson(io, { rttMs, ...server });
    else io.stdout.write(pongLine(rttMs, server));
    return 0;
  },
};
