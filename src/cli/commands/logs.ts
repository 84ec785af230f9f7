import type { CliClient, CommandSpec } from '../command.js';
import { JSON_FLAG } from '../command.js';
import type { LogLine, LogQuery, LogStreamName, SupervisorEvent } from '../../api/types.js';
import { UsageError } from '../exit-codes.js';
import { hasSwitch } from '../flags.js';
import { formatLogLine } from '../format/log-lines.js';
import { writeJson, type CliIo } from '../io.js';
import { INSTANCE_FLAG, parseCountFlag, parseTarget } from '../target.js';

const USAGE = 'logs <app> [--instance ID] [--lines N] [--follow] [--err | --out]';

export const logs: CommandSpec = {
  usage: USAGE,
  flags: [
    INSTANCE_FLAG,
    { name: 'lines', type: 'string', value: 'N', help: 'last N lines of each instance and stream (default 20)' },
    { name: 'follow', type: 'boolean', help: 'keep printing new lines until Ctrl+C' },
    { name: 'err', type: 'boolean', help: 'only stderr' },
    { name: 'out', type: 'boolean', help: 'only stdout' },
    { ...JSON_FLAG, help: 'print a JSON array of { app, instance, stream, line }; with --follow one such object per line (NDJSON)' },
  ],
  details: 'Lines are prefixed "<app>-<id> |", stderr lines "<app>-<id> err |".\n\nexamples:\n  pmdaemon logs web --lines 100\n  pmdaemon logs web --instance 2 --err --follow',
  async run(args, { io, connect }) {
    const target = parseTarget(args, USAGE);
    if (target.app === 'all') throw new UsageError('logs shows one app; name it');
    if (hasSwitch(args, 'err') && hasSwitch(args, 'out')) throw new UsageError('--err and --out exclude each other; give neither for both streams');
    const stream: LogStreamName | 'both' = hasSwitch(args, 'err') ? 'err' : hasSwitch(args, 'out') ? 'out' : 'both';
    const lines = parseCountFlag(args, 'lines', 0);
    const query: LogQuery = { ...target, stream, ...(lines === undefined ? {} : { lines }) };
    const client = await connect();
    const json = hasSwitch(args, 'json');
    const tail = lines === 0 ? [] : await client.logs(query);
    if (!hasSwitch(args, 'follow')) {
      if (json) writeJson(io, tail);
      else for (const l of tail) io.stdout.write(`${formatLogLine(l)}\n`);
      return 0;
    }
    const print = (l: LogLine): void => {
      io.stdout.write(`${json ? JSON.stringify(l) : formatLogLine(l)}\n`);
    };
    tail.forEach(print);
    await follow(client, io, query, print);
    return 0;
  },
};

/** Prints new lines of the app (or instance) until SIGINT or SIGTERM. */
async function follow(client: CliClient, io: CliIo, query: LogQuery, print: (l: LogLine) => void): Promise<void> {
  const filter = { app: query.app, ...(query.instance === undefined ? {} : { instance: query.instance }) };
  const onEvent = (e: SupervisorEvent): void => {
    if (e.type === 'dropped') io.stderr.write(`pmdaemon: ${e.logLines} log lines were dropped (this viewer fell behind)\n`);
    if (e.type !== 'log' || (query.stream !== 'both' && e.stream !== query.stream)) return;
    for (const line of e.lines) print({ app: e.app, instance: e.instance, stream: e.stream, line });
  };
  const unsubscribe = client.subscribe(onEvent, { logs: filter });
  let offClose: () => void = () => undefined;
  const daemonGone = new Promise<Error | undefined>((resolve) => (offClose = client.onClose(resolve)));
  try {
    const gone = await Promise.race([io.untilInterrupted().then(() => undefined), daemonGone]);
    if (gone) throw gone;
  } finally {
    offClose();
    unsubscribe();
  }
}
