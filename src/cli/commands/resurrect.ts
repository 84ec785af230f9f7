import { JSON_FLAG, type CommandSpec } from '../command.js';
import { hasSwitch } from '../flags.js';
import { writeJson } from '../io.js';
import { showRows } from '../show-rows.js';

export const resurrect: CommandSpec = {
  usage: 'resurrect',
  flags: [JSON_FLAG],
  details: 'Starts the apps of $PMDAEMON_HOME/dump.json (written by "pmdaemon save") that are not running, on their saved ports.\n--json prints { resurrected, processes }.\n\nexample:\n  pmdaemon resurrect',
  async run(args, { io, connect }) {
    const client = await connect();
    const apps = await client.resurrect();
    const rows = (await client.listProcesses()).filter((r) => apps.includes(r.app));
    if (hasSwitch(args, 'json')) {
      writeJson(io, { resurrected: apps, processes: rows });
    } else if (apps.length === 0) {
      io.stdout.write('nothing to resurrect: every saved app is running (or nothing was saved)\n');
    } else {
      io.stdout.write(`resurrected: ${apps.join(', ')}\n`);
      showRows(io, rows, false);
    }
    return 0;
  },
};
