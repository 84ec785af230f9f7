import net from 'node:net';
import { packageVersion } from '../cli/commands/version.js';
import { pongLine } from '../cli/format/pong.js';
import { monotonicMs } from '../lib/clock.js';
import { pmdaemonHome } from '../lib/home.js';
import { daemonPaths } from '../protocol/paths.js';

/** A command simple enough to answer without loading the CLI: one read-only request after the handshake. */
export interface FastCommand {
  method: 'ping' | 'listProcesses';
  json: boolean;
}

/** Where the fast path reads the home from and prints to; tests pass their own. */
export interface FastPathOptions {
  env?: NodeJS.ProcessEnv;
  write?: (text: string) => void;
  deadlineMs?: number;
}

// Past this the full CLI takes over; it has its own deadline and error message for a wedged daemon.
const FAST_PATH_DEADLINE_MS = 10_000;

/** `ping [--json]` and `list|ls --json` exactly as the bench and scripts call them; anything else is undefined. */
export function fastCommand(argv: readonly string[]): FastCommand | undefined {
  const [name, ...flags] = argv;
  const json = flags.length === 1 && flags[0] === '--json';
  if (name === 'ping' && (flags.length === 0 || json)) return { method: 'ping', json };
  if ((name === 'list' || name === 'ls') && json) return { method: 'listProcesses', json };
  return undefined;
}

/**
 * Answers `command` from the running daemon of this version and prints what the full CLI would.
 * Resolves false, having printed nothing, whenever the full CLI must decide instead: no daemon, another
 * version, an error answer, a closed socket or the deadline.
 */
export function runFastCommand(command: FastCommand, options: FastPathOptions = {}): Promise<boolean> {
  const { env = process.env, write = (text: string) => void process.stdout.write(text), deadlineMs = FAST_PATH_DEADLINE_MS } = options;
  let socketPath: string;
  try {
    socketPath = daemonPaths(pmdaemonHome(env)).socket;
  } catch {
    return Promise.resolve(false);
  }
  const version = packageVersion();
  return new Promise((resolve) => {
    const socket = net.createConnection({ path: socketPath });
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answered);
    };
    const timer = setTimeout(() => finish(false), deadlineMs);
    let buffered = '';
    let sentAt = 0;
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.once('connect', () => socket.write(`${JSON.stringify({ id: 1, method: 'hello', params: [{ version }] })}\n`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
        const answer = parseAnswer(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        if (answer?.id === 1 && isHelloFrom(answer.result, version)) {
          sentAt = monotonicMs();
          socket.write(`${JSON.stringify({ id: 2, method: command.method, params: [] })}\n`);
        } else if (answer?.id === 2 && 'result' in answer) {
          const rttMs = monotonicMs() - sentAt;
          write(formatAnswer(command, answer.result, rttMs));
          return finish(true);
        } else {
          return finish(false);
        }
      }
    });
  });
}

/** A response line; one carrying `error` never becomes an Answer. */
interface Answer {
  id?: unknown;
  result?: unknown;
}

function parseAnswer(line: string): Answer | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !('error' in value) ? (value as Answer) : undefined;
  } catch {
    return undefined;
  }
}

function isHelloFrom(result: unknown, version: string): boolean {
  return typeof result === 'object' && result !== null && (result as { version?: unknown }).version === version;
}

/** The same text as `ping`, `ping --json` and `list --json` of the full CLI. */
function formatAnswer(command: FastCommand, result: unknown, rttMs: number): string {
  if (command.method === 'listProcesses') return `${JSON.stringify(result, null, 2)}\n`;
  const server = result as { pid: number; version: string; startedAt: number };
  if (command.json) return `${JSON.stringify({ rttMs, ...server }, null, 2)}\n`;
  return pongLine(rttMs, server);
}
