import type { WireState } from '../../api/types.js';
import { buildCompare, differencesOnly, type CompareModel } from '../../tui/compare/build-compare.js';
import { renderCompareText } from '../../tui/compare/render-compare-text.js';
import { JSON_FLAG, type CommandSpec } from '../command.js';
import { hasSwitch } from '../flags.js';
import { writeJson, writeLines } from '../io.js';
import { tableWidth } from '../show-rows.js';
import { checkKnown, fetchSnapshot, oneApp, textStyle } from './topology.js';

const USAGE = 'compare <app|all> [--differences] [--json]';

export const compare: CommandSpec = {
  usage: USAGE,
  flags: [JSON_FLAG, { name: 'differences', type: 'boolean', help: 'hide the metrics that are the same on every instance' }],
  details: [
    'The instances of one app (or of each app, with all) side by side: CPU average and p95 over the',
    'metrics history, memory now and peak, restarts, uptime, health-check latency. "!" marks a value',
    'over 1.5x the median of its row.',
    '--json prints { app, columns: [{ id, label, status, health }], rows: [{ metric, label, higherIsWorse,',
    'median?, cells: [{ value?, text, outlier }] }], windowMs }; with all, an array of these in app-name order.',
    '',
    'examples:\n  pmdaemon compare api\n  pmdaemon compare api --differences --json\n  pmdaemon compare all --differences',
  ].join('\n'),
  async run(args, { io, connect }) {
    const app = oneApp(args.positionals, USAGE);
    const state = await fetchSnapshot(await connect());
    if (app !== 'all') checkKnown(state, app);
    const models = compareModels(state, app === 'all' ? undefined : app, Date.now());
    const diffOnly = hasSwitch(args, 'differences');
    if (hasSwitch(args, 'json')) {
      const shown = diffOnly ? models.map(differencesOnly) : models;
      writeJson(io, app === 'all' ? shown : shown[0]);
      return 0;
    }
    if (models.length === 0) {
      writeLines(io, ['no apps to compare']);
      return 0;
    }
    const options = { width: tableWidth(io), differencesOnly: diffOnly, ...textStyle(io) };
    // A blank line between apps' tables; none after the last, so one app prints as before.
    writeLines(io, models.flatMap((model, k) => [...(k > 0 ? [''] : []), ...renderCompareText(model, options)]));
    return 0;
  },
};

/** The compare model of `app`, or of every app in name order when `app` is undefined. */
function compareModels(state: WireState, app: string | undefined, now: number): CompareModel[] {
  const names = app === undefined ? Object.keys(state.apps).sort() : [app];
  return names.map((name) => buildCompare(name, state.apps[name]!, { now }));
}
