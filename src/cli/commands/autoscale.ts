import { toAutoscaleRow } from '../../api/process-row.js';
import type { InstanceInfo } from '../../api/types.js';
import { ConfigError } from '../../config/errors.js';
import type { AutoscaleSpec } from '../../config/spec.js';
import { parseAutoscaleSettings } from '../../config/validate-autoscale.js';
import { JSON_FLAG, type CliClient, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { flagValue, hasSwitch, type FlagDef, type ParsedArgs } from '../flags.js';
import { formatAutoscaleDetails, type AutoscaleRow } from '../format/autoscale-text.js';
import { writeJson, writeLines, type CliIo } from '../io.js';

const USAGE = 'autoscale <app> [--min N --max N --cpu-threshold PCT [--memory-threshold SIZE] [--cooldown DUR] [--window DUR] | --off]';

/** The settings flags, each with the ecosystem-file field it sets. */
const SETTINGS: ReadonlyArray<FlagDef & { field: string }> = [
  { name: 'min', field: 'min', type: 'string', value: 'N', help: 'the fewest instances to run' },
  { name: 'max', field: 'max', type: 'string', value: 'N', help: 'the most instances to run' },
  { name: 'cpu-threshold', field: 'cpu_threshold', type: 'string', value: 'PCT', help: 'add an instance above this average CPU per instance (% of one core); remove one below half of it' },
  { name: 'memory-threshold', field: 'memory_threshold', type: 'string', value: 'SIZE', help: 'also add one above this average memory per instance ("512M")' },
  { name: 'cooldown', field: 'cooldown', type: 'string', value: 'DUR', help: 'no two changes closer than this (default 30s)' },
  { name: 'window', field: 'window', type: 'string', value: 'DUR', help: 'average over this long (default 10s)' },
];

/** What `autoscale --json` prints: the app's settings with what was last measured and decided, or null when off. */
export interface AutoscaleState {
  app: string;
  autoscale: (AutoscaleRow & { cpu: number | null; memory: number | null; lastChangeAt: number | null }) | null;
}

/**
 * The settings the flags ask for, as an ecosystem-file `autoscale` object (values as typed);
 * flags not given keep the app's current settings, so `--max 10` alone adjusts a running autoscale.
 */
export function settingsFromFlags(args: ParsedArgs, current: AutoscaleSpec | undefined): Record<string, unknown> {
  const raw: Record<string, unknown> = current === undefined ? {} : {
    min: current.min,
    max: current.max,
    cpu_threshold: current.cpuThreshold,
    ...(current.memoryThreshold === undefined ? {} : { memory_threshold: current.memoryThreshold }),
    cooldown: current.cooldownMs,
    window: current.windowMs,
  };
  for (const flag of SETTINGS) {
    const value = flagValue(args, flag.name);
    if (value !== undefined) raw[flag.field] = value;
  }
  return raw;
}

/** The `--json` document of an app's autoscale state (pure). */
export function autoscaleState(info: InstanceInfo): AutoscaleState {
  const settings = info.spec.autoscale;
  if (settings === undefined) return { app: info.spec.name, autoscale: null };
  const status = info.autoscale;
  return {
    app: info.spec.name,
    autoscale: { ...toAutoscaleRow(settings, status), cpu: status?.cpu ?? null, memory: status?.memory ?? null, lastChangeAt: status?.lastChangeAt ?? null },
  };
}

export const autoscale: CommandSpec = {
  usage: USAGE,
  flags: [...SETTINGS.map(({ field: _field, ...flag }) => flag), { name: 'off', type: 'boolean', help: 'turn autoscaling off (the instances stay as they are)' }, JSON_FLAG],
  details: [
    'The daemon adds one instance when the average CPU per online instance over the window is above',
    '--cpu-threshold (or memory above --memory-threshold), removes one when it is below half of it',
    '(and memory below half), never leaves [--min, --max] and never changes twice within the cooldown.',
    'The settings are kept with the app, like "autoscale" in an ecosystem file. Flags left out keep',
    'the current settings; without flags, prints the state and the last decision with its reason.',
    '--json prints { app, autoscale: { min, max, cpuThreshold, memoryThreshold, cooldownMs, windowMs,',
    'last, cpu, memory, lastChangeAt } | null }.',
    '',
    'examples:\n  pmdaemon autoscale web --min 2 --max 8 --cpu-threshold 70\n  pmdaemon autoscale web --max 10\n  pmdaemon autoscale web\n  pmdaemon autoscale web --off',
  ].join('\n'),
  async run(args, { io, connect }) {
    const [app, ...extra] = args.positionals;
    if (app === undefined || extra.length > 0) throw new UsageError(`usage: pmdaemon ${USAGE}`);
    if (app === 'all') throw new UsageError('autoscale applies to one app; name it');
    const given = SETTINGS.filter((f) => flagValue(args, f.name) !== undefined).map((f) => `--${f.name}`);
    const off = hasSwitch(args, 'off');
    if (off && given.length > 0) throw new UsageError(`--off turns autoscaling off; give it without ${given.join(', ')}`);
    const client = await connect();
    if (off) await client.autoscale(app, null);
    else if (given.length > 0) await client.autoscale(app, validated(app, args, await describeApp(client, app)));
    show(io, await describeApp(client, app), hasSwitch(args, 'json'));
    return 0;
  },
};

async function describeApp(client: CliClient, app: string): Promise<InstanceInfo> {
  const [info] = await client.describe({ app });
  if (!info) throw new Error(`app "${app}" has no instances to describe`);
  return info;
}

/** The flags checked by the ecosystem file's rules (and against the app's port range), worded in flags. */
function validated(app: string, args: ParsedArgs, info: InstanceInfo): AutoscaleSpec {
  const label = (field: string): string => `--${field.replaceAll('_', '-')}`;
  const { spec, problems } = parseAutoscaleSettings(settingsFromFlags(args, info.spec.autoscale), info.spec.port, { label });
  if (spec) return spec;
  const lines = problems.map((text) => `app "${app}": ${text}`);
  throw new ConfigError(lines.join('\n'), { app, problems: lines.map((message) => ({ app, message })) });
}

function show(io: CliIo, info: InstanceInfo, json: boolean): void {
  const settings = info.spec.autoscale;
  if (json) {
    writeJson(io, autoscaleState(info));
    return;
  }
  if (settings === undefined) {
    writeLines(io, [`${info.spec.name}: autoscale off`]);
    return;
  }
  const details = formatAutoscaleDetails(toAutoscaleRow(settings, info.autoscale), info.autoscale, Date.now());
  writeLines(io, [`${info.spec.name}: autoscale on`, ...details.map((line) => `  ${line}`)]);
}
