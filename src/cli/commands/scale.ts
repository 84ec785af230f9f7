import { PortRangeError } from '../../supervisor/port-plan.js';
import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { flagValue, hasSwitch } from '../flags.js';
import { showRows } from '../show-rows.js';

const USAGE = 'scale <app> <N|+N|-N>';

/** `N`, `+N` or `-N` as an absolute or relative instance count (pure). */
export function parseScaleCount(text: string): { count: number; relative: boolean } {
  const match = /^([+-]?)(\d+)$/.exec(text);
  if (!match) throw new UsageError(`"${text}" is not an instance count; use N (e.g. 4), +N to add or -N to remove`);
  const n = Number(match[2]);
  return match[1] === '' ? { count: n, relative: false } : { count: match[1] === '-' ? -n : n, relative: true };
}

export const scale: CommandSpec = {
  usage: USAGE,
  flags: [
    { name: 'port', type: 'string', value: 'RANGE', help: 'a new port range for the app (not available yet: see below)' },
    JSON_FLAG,
  ],
  details: [
    'Scaling down removes the highest instance ids first. An app whose port range is too small for',
    'the new count is refused with the range to use; to change the range today, delete the app and',
    'start it again with the new --port.',
    '',
    'examples:\n  pmdaemon scale web 6\n  pmdaemon scale web +2\n  pmdaemon scale worker -1',
  ].join('\n'),
  async run(args, { io, connect }) {
    const [app, countText, ...extra] = args.positionals;
    if (app === undefined || countText === undefined || extra.length > 0) throw new UsageError(`usage: pmdaemon ${USAGE}`);
    if (app === 'all') throw new UsageError('scale applies to one app; name it');
    const { count, relative } = parseScaleCount(countText);
    const port = flagValue(args, 'port');
    if (port !== undefined) {
      throw new UsageError(`--port cannot change the range of a running app yet; delete "${app}" and start it again with --port ${port}`);
    }
    const client = await connect();
    try {
      await client.scale(app, count, { relative });
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'PortRangeError') throw error;
      const how = `to change the range, delete "${app}" and start it again with that --port`;
      throw new PortRangeError(`${error.message}; ${how}`, { cause: error });
    }
    showRows(io, (await client.listProcesses()).filter((r) => r.app === app), hasSwitch(args, 'json'));
    return 0;
  },
};
