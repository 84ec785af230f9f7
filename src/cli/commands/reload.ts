import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { ROLLOUT_FLAGS, parseTimeoutFlag, withRolloutProgress } from '../rollout.js';
import { showRows } from '../show-rows.js';
import { parseCountFlag } from '../target.js';

const USAGE = 'reload <app> [--rolling] [--instances N] [--batch K] [--timeout TIME]';

export const reload: CommandSpec = {
  usage: USAGE,
  flags: [
    { name: 'rolling', type: 'boolean', help: 'one batch at a time (a reload always is; accepted for PM2 habits)' },
    { name: 'instances', type: 'string', value: 'N', help: 'also move the app to N instances' },
    ...ROLLOUT_FLAGS,
    JSON_FLAG,
  ],
  details: [
    'A zero-downtime reload: with --instances N, instances beyond N are first taken out of the load',
    'balancer and stopped, or the new ones are started and waited for; then every other instance',
    'restarts one batch at a time, each taken out of the load balancer before it stops and waited',
    'for (healthy, or listening on its port, or up min_uptime) before the next. The first instance',
    'that does not become ready stops the reload; the rest are left as they were, and the exit',
    'code is non-zero. Progress goes to stderr; with --json, one JSON object per step on stdout.',
    '',
    'examples:\n  pmdaemon reload web\n  pmdaemon reload web --rolling --instances 6\n  pmdaemon reload web --batch 2 --timeout 30s --json',
  ].join('\n'),
  async run(args, { io, connect }) {
    const [app, ...extra] = args.positionals;
    if (app === undefined || extra.length > 0) throw new UsageError(`usage: pmdaemon ${USAGE}`);
    if (app === 'all') throw new UsageError('reload applies to one app at a time; name it');
    const instances = parseCountFlag(args, 'instances', 1);
    const batch = parseCountFlag(args, 'batch', 1);
    const timeoutMs = parseTimeoutFlag(args);
    const json = hasSwitch(args, 'json');
    const client = await connect();
    const options = { ...(instances === undefined ? {} : { instances }), ...(batch === undefined ? {} : { batch }), ...(timeoutMs === undefined ? {} : { timeoutMs }) };
    await withRolloutProgress(client, io, (a) => a === app, json, () => client.reload(app, options));
    if (!json) showRows(io, (await client.listProcesses()).filter((r) => r.app === app), false);
    return 0;
  },
};
