import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppSpec } from '../../config/spec.js';
import { packageVersion } from './version.js';
import { loadConfigFile } from '../../config/index.js';
import { pmdaemonHome } from '../../lib/home.js';
import { Supervisor } from '../../supervisor/supervisor.js';
import { instanceTransitions } from '../../supervisor/transitions.js';
import type { ColorDepth } from '../../tui/theme.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { formatTransition } from '../format-transition.js';
import type { CliIo } from '../io.js';
import { colorOption } from './monit.js';

export const UP_USAGE = 'pmdaemon up <ecosystem file> [--only app1,app2] [--tui [--read-only] [--color MODE]]';

/**
 * Foreground mode (design §1 journey 5): runs every app of the file in this process, prints one
 * line per state change, and stops everything gracefully on SIGINT or SIGTERM.
 */
export async function up(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { only: { type: 'string' }, tui: { type: 'boolean' }, 'read-only': { type: 'boolean' }, color: { type: 'string' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`usage: ${UP_USAGE}`);
  const color = colorOption(values.color);
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const specs = await loadConfigFile(file, { ...(only ? { only } : {}) });

  const home = pmdaemonHome(io.env);
  // In the TUI a stray stderr line would tear the screen: the UI shows those failures itself.
  const log = values.tui ? undefined : (line: string): void => void io.stderr.write(`pmdaemon: ${line}\n`);
  const supervisor = new Supervisor({ home, baseEnv: io.env, ...(log ? { log } : {}) });
  if (values.tui) return upWithTui(supervisor, specs, io, { home, readOnly: values['read-only'] === true, color });
  const unsubscribe = supervisor.store.subscribe((next, prev) => {
    for (const t of instanceTransitions(prev, next)) io.stdout.write(formatTransition(t, new Date()) + '\n');
  });
  const stopped = waitForStopSignal(io, supervisor);
  for (const spec of specs) await supervisor.addApp(spec);
  await stopped;
  unsubscribe();
  return EXIT.ok;
}

function waitForStopSignal(io: CliIo, supervisor: Supervisor): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        io.stderr.write(`pmdaemon: ${signal} again, exiting now\n`);
        process.exit(EXIT.failure);
      }
      stopping = true;
      io.stderr.write(`pmdaemon: ${signal}: stopping every instance gracefully (press Ctrl+C again to force)\n`);
      void supervisor.shutdown().then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        resolve();
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** `up --tui`: the same UI as monit over the supervisor in this process; quitting stops everything. */
async function upWithTui(supervisor: Supervisor, specs: AppSpec[], io: CliIo, options: { home: string; readOnly: boolean; color: ColorDepth | undefined }): Promise<number> {
  const [{ runTui }, { createLocalApi }] = await Promise.all([import('../../tui/app/run-tui.js'), import('../../api/local-api.js')]);
  const api = createLocalApi(supervisor, { home: options.home, version: packageVersion(), baseEnv: io.env });
  const started = (async () => {
    for (const spec of specs) await supervisor.addApp(spec);
  })();
  const code = await runTui({
    connect: async () => api,
    mode: 'in-process',
    readOnly: options.readOnly,
    keymapFile: path.join(options.home, 'keys.json'),
    env: io.env,
    ...(options.color === undefined ? {} : { color: options.color }),
  });
  await started.catch(() => undefined);
  await supervisor.shutdown();
  return code;
}
