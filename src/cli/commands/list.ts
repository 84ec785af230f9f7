import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { formatAutoscaleLines } from '../format/autoscale-text.js';
import { writeLines } from '../io.js';
import { showRows } from '../show-rows.js';

export const list: CommandSpec = {
  usage: 'list [--json]   (alias: ls)',
  flags: [JSON_FLAG],
  details: [
    'One line per instance: id (<app>-<instance>), status, health, pid, port, cpu, memory, uptime, restarts.',
    '--json prints an array of { id, name, app, instance, namespace, pid, port, status, health, cpu,',
    'memory, uptime, restarts, reason } (memory in bytes, uptime in ms, cpu in % of one core).',
    'Under the table, one line per autoscaled app: its range, threshold, cooldown and last decision;',
    'in --json, the rows of such an app carry autoscale: { min, max, cpuThreshold, memoryThreshold,',
    'cooldownMs, windowMs, last: { at, from, to, reason } | null }.',
    '',
    'examples:\n  pmdaemon list\n  pmdaemon ls --json',
  ].join('\n'),
  async run(args, { io, connect }) {
    if (args.positionals.length > 0) throw new UsageError(`list takes no arguments (got "${args.positionals[0]}"); use "pmdaemon info <app>" for one app`);
    const rows = await (await connect()).listProcesses();
    const json = hasSwitch(args, 'json');
    if (!json && rows.length === 0) io.stderr.write('no apps; start one with: pmdaemon start "node server.js"\n');
    else showRows(io, rows, json);
    const autoscaled = json ? [] : formatAutoscaleLines(rows, Date.now());
    if (autoscaled.length > 0) writeLines(io, ['', ...autoscaled]);
    return 0;
  },
};
