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
    { name: 'port', type: 'string', value: 'RANGE', help: 'give the app this port setting first ("3000-3005", "auto:3000-3100")' },
    JSON_FLAG,
  ],
  details: [
    'Scaling down removes the highest instance ids first. An app whose port range is too small for',
    'the new count is refused with the range to use; --port changes the range first (running',
    'instances keep their ports until they restart).',
    '',
    'examples:\n  pmdaemon scale web 6\n  pmdaemon scale web +2 --port 3000-3009\n  pmdaemon scale worker -1',
  ].join('\n'),
  async run(args, { io, connect }) {
    const [app, countText, ...extra] = args.positionals;
    if (app === undefined || countText === undefined || extra.length > 0) throw new UsageError(`usage: pmdaemon ${USAGE}`);
    if (app === 'all') throw new UsageError('scale applies to one app; name it');
    const { count, relative } = parseScaleCount(countText);
    const port = flagValue(args, 'port');
    const client = await connect();
    try {
      await client.scale(app, count, { relative, ...(port === undefined ? {} : { port }) });
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'PortRangeError' || port !== undefined) throw error;
      throw new PortRangeError(`${error.message}; or give the app a wider range with --port`, { cause: error });
    }
    showRows(io, (await client.listProcesses()).filter((r) => r.app === app), hasSwitch(args, 'json'));
    return 0;
  },
};
