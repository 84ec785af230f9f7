import type { SupervisorApi, WireState } from '../../api/types.js';
import { UnknownAppError } from '../../supervisor/errors.js';
import { buildTopology } from '../../tui/topology/build-topology.js';
import { localHostNames, readAppConnections } from '../../tui/topology/read-connections.js';
import { renderTopologyText } from '../../tui/topology/render-topology-text.js';
import { createTheme, detectColorDepth, detectUnicode, type Theme } from '../../tui/theme.js';
import { JSON_FLAG, type CommandSpec } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { writeJson, writeLines, type CliIo } from '../io.js';
import { tableWidth } from '../show-rows.js';

const USAGE = 'topology <app|all> [--json]';

export const topology: CommandSpec = {
  usage: USAGE,
  flags: [JSON_FLAG],
  details: [
    'The tree namespace -> app -> instances -> ports, then the connections between apps: env values',
    'naming another app\'s port (e.g. BACKEND_URLS=http://127.0.0.1:3000) and live TCP connections',
    'between managed instances (read from /proc).',
    '--json prints { rows: [{ depth, kind, label, status?, health?, app?, instance?, pid?, port? }],',
    'edges: [{ from, to, via: "env"|"tcp", detail, envKeys?, connections? }] }.',
    '',
    'examples:\n  pmdaemon topology all\n  pmdaemon topology frontend --json',
  ].join('\n'),
  async run(args, { io, connect }) {
    const app = oneApp(args.positionals, USAGE);
    const state = await fetchSnapshot(await connect());
    if (app !== 'all') checkKnown(state, app);
    const model = buildTopology(state.apps, {
      connections: await readAppConnections(state.apps),
      localHosts: localHostNames(),
      ...(app === 'all' ? {} : { app }),
    });
    if (hasSwitch(args, 'json')) writeJson(io, model);
    else writeLines(io, renderTopologyText(model, { width: tableWidth(io), ...textStyle(io) }));
    return 0;
  },
};

/** The state snapshot a subscription starts with; the subscription ends once it has arrived. */
export async function fetchSnapshot(client: Pick<SupervisorApi, 'subscribe'>, timeoutMs = 10_000): Promise<WireState> {
  let unsubscribe: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<WireState>((resolve, reject) => {
      timer = setTimeout(() => reject(new SnapshotTimeoutError(timeoutMs)), timeoutMs);
      // The snapshot may come before subscribe() returns, so unsubscribing waits for the finally.
      unsubscribe = client.subscribe((event) => {
        if (event.type === 'snapshot') resolve(event.state);
      });
    });
  } finally {
    clearTimeout(timer);
    unsubscribe?.();
  }
}

/** The daemon accepted a subscription but sent no state in time. */
export class SnapshotTimeoutError extends Error {
  override readonly name = 'SnapshotTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`the pmdaemon daemon sent no state within ${timeoutMs / 1000} s; is it overloaded? see daemon.log in $PMDAEMON_HOME`);
  }
}

/** The one app (or `all`) a command takes. */
export function oneApp(positionals: readonly string[], usage: string): string {
  const [app, ...extra] = positionals;
  if (app === undefined) throw new UsageError(`missing app name; usage: pmdaemon ${usage}`);
  if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}"; usage: pmdaemon ${usage}`);
  return app;
}

export function checkKnown(state: WireState, app: string): void {
  if (!state.apps[app]) throw new UnknownAppError(app, Object.keys(state.apps).sort());
}

/** Colours only on a terminal that has them; glyphs as the locale allows. */
export function textStyle(io: CliIo): { color: boolean; theme: Theme } {
  const depth = io.stdout.isTTY ? detectColorDepth(io.env) : 'none';
  return { color: depth !== 'none', theme: createTheme(depth, detectUnicode(io.env)) };
}
