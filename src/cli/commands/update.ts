import { JSON_FLAG, type CommandSpec } from '../command.js';
import { hasSwitch } from '../flags.js';
import { writeJson } from '../io.js';
import { showRows } from '../show-rows.js';
import { killDaemon } from './kill.js';
import { runningDaemon } from './show-version.js';

export const update: CommandSpec = {
  usage: 'update',
  flags: [JSON_FLAG],
  details: [
    'Replaces the running daemon (of any version) with this version: saves every app, stops the old',
    'daemon, starts the new one and resurrects the apps on their saved ports. The instances restart.',
    '--json prints { from: { version, pid } | null, to: { version, pid }, resurrected }.',
    '',
    'example:\n  pmdaemon update',
  ].join('\n'),
  async run(args, { io, connect }) {
    const old = await runningDaemon(connect);
    let from = null;
    if (old) {
      await old.save();
      from = await killDaemon(old);
    }
    const client = await connect();
    const resurrected = from ? await client.resurrect() : [];
    const to = { version: client.server.version, pid: client.server.pid };
    const rows = (await client.listProcesses()).filter((r) => resurrected.includes(r.app));
    if (hasSwitch(args, 'json')) {
      writeJson(io, { from, to, resurrected });
      return 0;
    }
    const was = from ? `daemon ${from.version} (pid ${from.pid}) replaced by` : 'no daemon was running; started';
    io.stdout.write(`${was} ${to.version} (pid ${to.pid}); apps brought back: ${resurrected.join(', ') || 'none'}\n`);
    if (rows.length > 0) showRows(io, rows, false);
    return 0;
  },
};
