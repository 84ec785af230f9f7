import { buildCompare, differencesOnly } from '../../tui/compare/build-compare.js';
import { renderCompareText } from '../../tui/compare/render-compare-text.js';
import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { writeJson, writeLines } from '../io.js';
import { tableWidth } from '../show-rows.js';
import { checkKnown, fetchSnapshot, oneApp, textStyle } from './topology.js';

const USAGE = 'compare <app> [--differences] [--json]';

export const compare: CommandSpec = {
  usage: USAGE,
  flags: [JSON_FLAG, { name: 'differences', type: 'boolean', help: 'hide the metrics that are the same on every instance' }],
  details: [
    'The instances of one app side by side: CPU average and p95 over the metrics history, memory now',
    'and peak, restarts, uptime, health-check latency. "!" marks a value over 1.5x the median of its row.',
    '--json prints { app, columns: [{ id, label, status, health }], rows: [{ metric, label, higherIsWorse,',
    'median?, cells: [{ value?, text, outlier }] }], windowMs }.',
    '',
    'examples:\n  pmdaemon compare api\n  pmdaemon compare api --differences --json',
  ].join('\n'),
  async run(args, { io, connect }) {
    const app = oneApp(args.positionals, USAGE);
    if (app === 'all') throw new UsageError('compare looks at the instances of one app; name it, e.g. "pmdaemon compare api"');
    const state = await fetchSnapshot(await connect());
    checkKnown(state, app);
    const model = buildCompare(app, state.apps[app]!, { now: Date.now() });
    const diffOnly = hasSwitch(args, 'differences');
    if (hasSwitch(args, 'json')) writeJson(io, diffOnly ? differencesOnly(model) : model);
    else writeLines(io, renderCompareText(model, { width: tableWidth(io), differencesOnly: diffOnly, ...textStyle(io) }));
    return 0;
  },
};
