import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defaultUnitName, installUnit, systemdUnit } from '../../daemon/persistence/systemd-unit.js';
import { pmdaemonHome } from '../../lib/home.js';
import type { CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { flagValue, hasSwitch } from '../flags.js';
import { quoteWord } from '../format/quote-word.js';

/** This CLI's entry point (dist/bin/pmdaemon.js), which the unit runs. */
const BIN = fileURLToPath(new URL('../../bin/pmdaemon.js', import.meta.url));

export const startup: CommandSpec = {
  usage: 'startup [--install] [--user USER] [--name NAME] [--dir DIR]',
  flags: [
    { name: 'install', type: 'boolean', help: 'write the unit file instead of printing it (needs root for /etc/systemd/system)' },
    { name: 'user', type: 'string', value: 'USER', help: 'the user the daemon runs as (default: the current one)' },
    { name: 'name', type: 'string', value: 'NAME', help: 'unit name (default: pmdaemon-<user>)' },
    { name: 'dir', type: 'string', value: 'DIR', help: 'where --install writes (default: /etc/systemd/system)' },
  ],
  details: 'The unit runs "pmdaemon resurrect" at boot (apps saved with "pmdaemon save") and "pmdaemon kill" at shutdown.\n\nexamples:\n  pmdaemon startup > pmdaemon.service\n  sudo env PMDAEMON_HOME=$HOME/.pmdaemon "$(which node)" "$(which pmdaemon)" startup --install --user $USER',
  async run(args, { io }) {
    if (args.positionals.length > 0) throw new UsageError(`startup takes no arguments (got "${args.positionals[0]}")`);
    const user = flagValue(args, 'user') ?? os.userInfo().username;
    const home = pmdaemonHome(io.env);
    const unit = systemdUnit({ user, home, node: process.execPath, bin: BIN, ...(io.env.PATH ? { path: io.env.PATH } : {}) });
    const name = flagValue(args, 'name') ?? defaultUnitName(user);
    if (!hasSwitch(args, 'install')) {
      io.stdout.write(unit);
      const again = ['sudo', 'env', `PATH=${io.env.PATH ?? ''}`, `PMDAEMON_HOME=${home}`, process.execPath, BIN, 'startup', '--install', '--user', user];
      io.stderr.write(`to install it: ${again.map(quoteWord).join(' ')}\n`);
      return 0;
    }
    const dir = flagValue(args, 'dir');
    const file = installUnit(unit, { name, ...(dir === undefined ? {} : { dir }) });
    io.stdout.write(`wrote ${file}\nenable it with: systemctl daemon-reload && systemctl enable --now ${name}\n`);
    return 0;
  },
};
