import type { RestartOptions } from '../../api/types.js';
import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { formatRollingStep } from '../format/rolling-step.js';
import { showRows } from '../show-rows.js';
import { INSTANCE_FLAG, parseCountFlag, parseTarget, rowsOf } from '../target.js';

const USAGE = 'restart <app|all> [--instance ID] [--rolling [--batch K]]';

export const restart: CommandSpec = {
  usage: USAGE,
  flags: [
    INSTANCE_FLAG,
    { name: 'rolling', type: 'boolean', help: 'one batch at a time, each waiting until its instances are healthy (or listening, or up min_uptime)' },
    { name: 'batch', type: 'string', value: 'K', help: 'with --rolling: instances restarted at once (default 1)' },
    JSON_FLAG,
  ],
  details: 'A rolling restart prints its progress on stderr and stops at the first instance that does not become ready.\n\nexamples:\n  pmdaemon restart web\n  pmdaemon restart web --instance 0\n  pmdaemon restart web --rolling --batch 2\n  pmdaemon restart all',
  async run(args, { io, connect }) {
    const target = parseTarget(args, USAGE);
    const rolling = hasSwitch(args, 'rolling');
    const batch = parseCountFlag(args, 'batch', 1);
    if (batch !== undefined && !rolling) throw new UsageError('--batch applies to a rolling restart; add --rolling');
    if (rolling && target.instance !== undefined) throw new UsageError('--rolling restarts every instance one batch at a time; drop --instance or --rolling');
    const client = await connect();
    const options: RestartOptions = rolling ? { rolling, ...(batch === undefined ? {} : { batch }) } : {};
    // Progress is diagnostics: stdout keeps only the resulting table (or JSON).
    const unsubscribe = rolling
      ? client.subscribe((e) => {
          const line = e.type === 'rolling' ? formatRollingStep(e.app, e.step) : undefined;
          if (line !== undefined) io.stderr.write(`${line}\n`);
        })
      : () => {};
    try {
      await client.restart(target, options);
    } finally {
      unsubscribe();
    }
    showRows(io, rowsOf(await client.listProcesses(), target), hasSwitch(args, 'json'));
    return 0;
  },
};
