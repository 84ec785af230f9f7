import { AppRunningError } from '../../api/api-errors.js';
import type { ProcessRow, Target } from '../../api/types.js';
import type { AppSpec } from '../../config/index.js';
import { NAME_PATTERN } from '../../config/values.js';
import type { CliClient, CommandContext, CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch, type ParsedArgs } from '../flags.js';
import { quoteWord } from '../format/quote-word.js';
import { isConfigFile, specFromFlags, specsFromFile } from '../start/build-start-specs.js';
import { givenSpecFlags } from '../start/flags-to-raw.js';
import { START_FLAGS } from '../start/start-flags.js';
import { parseInstance, rowsOf } from '../target.js';

const USAGE = 'start <script | "command" | file.json5 | app | all> [flags] [-- args]';

export const start: CommandSpec = {
  usage: USAGE,
  flags: START_FLAGS,
  details: [
    'A quoted command is split like a shell would, without running one; a script runs by its',
    'extension (.js → node, .py → python3, .sh → bash). The name of a stopped app (or "all")',
    'starts it again; starting a running app is an error: use restart.',
    '',
    'examples:',
    '  pmdaemon start "node server.js" --name web --instances 4 --port 3000-3003',
    '  pmdaemon start worker.py --env QUEUE=jobs --max-memory 300M -- --verbose',
    '  pmdaemon start examples/three-tier.json5 --only api,worker',
  ].join('\n'),
  run,
};

let printer: Promise<typeof import('../show-rows.js')> | undefined;

/** The table printer, loaded once; a failed load surfaces where it is awaited. */
function loadPrinter(): Promise<typeof import('../show-rows.js')> {
  if (!printer) {
    printer = import('../show-rows.js');
    printer.catch(() => undefined);
  }
  return printer;
}

/** Sends the start request, then loads the table printer while the daemon starts the instances. */
function startAndLoadPrinter(client: CliClient, specs: AppSpec[]): Promise<string[]> {
  const request = client.start(specs);
  void loadPrinter();
  return request;
}

async function run(args: ParsedArgs, { io, connect }: CommandContext): Promise<number> {
  const [what, ...extra] = args.positionals;
  if (what === undefined) throw new UsageError(`missing what to start; usage: pmdaemon ${USAGE}`);
  if (extra.length > 0) {
    throw new UsageError(`start takes one command; quote it: pmdaemon start ${quoteWord(args.positionals.join(' '))}`);
  }
  const instance = parseInstance(args);
  let names: string[];
  let client: CliClient;
  if (isConfigFile(what) && instance === undefined) {
    const specs = await specsFromFile(what, args, io.cwd);
    client = await connect();
    names = await startAndLoadPrinter(client, specs);
  } else {
    const byName = mayNameAnApp(what, args);
    // A bad command is reported as such unless it turns out to name an existing app.
    let spec: AppSpec | undefined;
    let invalid: unknown;
    if (instance === undefined) {
      try {
        spec = specFromFlags(what, args, io.cwd);
      } catch (err) {
        if (!byName) throw err;
        invalid = err;
      }
    }
    client = await connect();
    const started = byName ? await startExisting(client, { app: what, ...(instance === undefined ? {} : { instance }) }) : undefined;
    if (started) names = started;
    else if (instance !== undefined) throw new UsageError(`--instance applies to an app that exists; no app is named "${what}"`);
    else if (spec) names = await startAndLoadPrinter(client, [spec]);
    else throw invalid;
  }
  const rows = (await client.listProcesses()).filter((r) => names.includes(r.app));
  const { showRows } = await loadPrinter();
  const json = hasSwitch(args, 'json');
  if (!json && names.length === 0) io.stdout.write('nothing to start: there are no apps\n');
  else if (!json) io.stdout.write(`started: ${names.join(', ')}\n`);
  if (json || rows.length > 0) showRows(io, rows, json);
  return 0;
}

function mayNameAnApp(what: string, args: ParsedArgs): boolean {
  return (what === 'all' || NAME_PATTERN.test(what)) && givenSpecFlags(args).length === 0 && args.rest === undefined;
}

/** Starts the stopped instances of a known app (or of all apps); undefined when no such app exists. */
async function startExisting(client: CliClient, target: Target): Promise<string[] | undefined> {
  const rows = await client.listProcesses();
  if (target.app !== 'all' && !rows.some((r) => r.app === target.app)) return undefined;
  if (target.app === 'all' && target.instance !== undefined) throw new UsageError('--instance cannot be used with "all"; name one app');
  const targeted = rowsOf(rows, target);
  if (target.app !== 'all' && targeted.length > 0 && targeted.every(isRunning)) throw new AppRunningError(target.app);
  await client.startApps(target);
  return [...new Set(targeted.map((r) => r.app))];
}

function isRunning(row: ProcessRow): boolean {
  return row.status !== 'stopped' && row.status !== 'errored';
}
