import path from 'node:path';
import type { CommandSpec } from '../command.js';
import { flagValue, hasSwitch } from '../flags.js';
import { UsageError } from '../exit-codes.js';
import { pmdaemonHome } from '../../lib/home.js';
import { COLOR_MODES, colorFlagDepth, type ColorDepth } from '../../tui/theme.js';

export const MONIT_FLAGS = [
  { name: 'instance', type: 'string', value: 'i', help: 'select this instance of the app first' },
  { name: 'read-only', type: 'boolean', help: 'no actions: watch only (keys, hints and help lose them)' },
  { name: 'color', type: 'string', value: COLOR_MODES.join('|'), help: 'colour depth (default: from NO_COLOR and TERM)' },
] as const;

/** `pmdaemon monit [app]`: the full-screen UI, attached to the daemon (started if needed). */
export const monit: CommandSpec = {
  usage: 'monit [app] [--instance i] [--read-only] [--color MODE]',
  flags: MONIT_FLAGS,
  details:
    'q detaches: every process keeps running. If the daemon goes away, a banner says so and the\n' +
    'UI reconnects by itself. Keys can be rebound in $PMDAEMON_HOME/keys.json, e.g.\n' +
    '{ "restart": ["r", "ctrl+r"] }; press ? in the UI for the list.\n\nexamples:\n  pmdaemon monit\n  pmdaemon monit web --instance 2 --read-only',
  async run(args, { io, connect }) {
    const [app, extra] = args.positionals;
    if (extra !== undefined) throw new UsageError(`monit takes at most one app name, got "${app}" and "${extra}"`);
    const instanceText = flagValue(args, 'instance');
    const instance = instanceText === undefined ? undefined : Number(instanceText);
    if (instance !== undefined && (!Number.isInteger(instance) || instance < 0)) throw new UsageError(`--instance must be an instance id (0, 1, …), got "${instanceText}"`);
    if (instance !== undefined && app === undefined) throw new UsageError('--instance needs an app: pmdaemon monit <app> --instance <id>');
    const color = colorOption(flagValue(args, 'color'));
    // An app or instance that does not exist fails here, before the screen is taken: the UI would open on another row.
    let checked = app === undefined ? undefined : await connect();
    if (checked && app !== undefined) {
      try {
        await checked.describe({ app, ...(instance === undefined ? {} : { instance }) });
      } catch (error) {
        await checked.close().catch(() => undefined);
        throw error;
      }
    }
    const { runTui } = await import('../../tui/app/run-tui.js');
    return runTui({
      // The first connection is the one that checked the app; reconnects open new ones.
      connect: async () => {
        const api = checked ?? (await connect());
        checked = undefined;
        return api;
      },
      mode: 'daemon',
      readOnly: hasSwitch(args, 'read-only'),
      keymapFile: path.join(pmdaemonHome(io.env), 'keys.json'),
      env: io.env,
      ...(color === undefined ? {} : { color }),
      ...(app === undefined ? {} : { app }),
      ...(instance === undefined ? {} : { instance }),
    });
  },
};

/** The depth `--color` forces, undefined for auto or no flag; a value it does not take is a UsageError. */
export function colorOption(text: string | undefined): ColorDepth | undefined {
  if (text === undefined) return undefined;
  const depth = colorFlagDepth(text);
  if (depth === undefined) throw new UsageError(`--color must be one of ${COLOR_MODES.join(', ')}, got "${text}"`);
  return depth === 'auto' ? undefined : depth;
}
