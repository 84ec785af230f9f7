import type net from 'node:net';
import type { DaemonControl, SubscribeOptions, SupervisorApi } from '../api/types.js';
import { checkParams } from '../protocol/check-params.js';
import { DEFAULT_GATE_LIMITS, type GateLimits } from '../protocol/event-gate.js';
import { ProtocolError } from '../protocol/errors.js';
import { createLineDecoder } from '../protocol/line-decoder.js';
import {
  encodeMessage,
  MAX_REQUEST_LINE_BYTES,
  parseRequest,
  toWireError,
  type RequestId,
  type RequestMessage,
  type ResponseMessage,
  type WireError,
} from '../protocol/messages.js';
import { callApi } from './call-api.js';
import { describeError, type DaemonLog } from './daemon-log.js';
import { ConnectionSubscriptions } from './subscriptions.js';

export interface ConnectionDeps {
  api: SupervisorApi;
  control: DaemonControl;
  log: DaemonLog;
  limits?: GateLimits;
}

// Errors with these names are bugs or bad input the daemon did not foresee: worth a line in daemon.log.
const UNEXPECTED = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

const notGreeted = (): ProtocolError =>
  new ProtocolError('say hello first: {"id":1,"method":"hello","params":[{"version":"<your version>"}]}');

/** Serves one client: requests in, responses and subscription events out, until either side closes. */
export function serveConnection(socket: net.Socket, deps: ConnectionDeps): void {
  const limits = deps.limits ?? DEFAULT_GATE_LIMITS;
  const decoder = createLineDecoder(MAX_REQUEST_LINE_BYTES);
  let greeted = false;
  let inFlight = 0;
  let inputEnded = false;

  const write = (text: string): void => {
    if (!socket.writable) return;
    socket.write(text);
    if (socket.writableLength > limits.closeAbove) {
      deps.log(`closing a connection: its client reads nothing (${socket.writableLength} bytes queued)`);
      socket.destroy();
    } else if (socket.writableLength > limits.dropLogsAbove && !socket.isPaused()) {
      // Stop reading requests from a client that does not read its answers.
      socket.pause();
    }
  };

  const respond = (id: RequestId | null, outcome: { result: unknown } | { error: WireError }): void => {
    let text: string;
    try {
      const message: ResponseMessage = 'error' in outcome ? { id, error: outcome.error } : { id, result: outcome.result ?? null };
      text = encodeMessage(message);
    } catch (error) {
      text = encodeMessage({ id, error: toWireError(error) });
    }
    write(text);
  };

  const subscriptions = new ConnectionSubscriptions(
    deps.api,
    {
      write,
      backlog: () => socket.writableLength,
      writable: () => socket.writable,
      drop: (reason) => {
        deps.log(`closing a connection: ${reason}`);
        socket.destroy();
      },
    },
    limits,
  );

  const subscribe = (request: RequestMessage): void => {
    const problem = checkParams(request.method, request.params);
    if (problem) return respond(request.id, { error: toWireError(new ProtocolError(problem)) });
    if (!greeted) return respond(request.id, { error: toWireError(notGreeted()) });
    try {
      const options = (request.params[0] ?? {}) as SubscribeOptions;
      subscriptions.add(options, (id) => respond(request.id, { result: { subscription: id } }));
    } catch (error) {
      respond(request.id, { error: toWireError(error) });
    }
  };

  const execute = async (request: RequestMessage): Promise<unknown> => {
    const problem = checkParams(request.method, request.params);
    if (problem) throw new ProtocolError(problem);
    const { method, params } = request;
    if (method === 'hello') {
      greeted = true;
      return deps.api.info();
    }
    if (!greeted) throw notGreeted();
    switch (method) {
      case 'ping':
        return deps.api.info();
      case 'subscribe':
        throw new ProtocolError('subscribe is handled before execute');
      case 'unsubscribe':
        return subscriptions.remove(params[0] as number);
      default:
        return callApi(deps.api, deps.control, method, params);
    }
  };

  const handleLine = (line: string): void => {
    if (line.trim() === '') return;
    const parsed = parseRequest(line);
    if (!parsed.ok) return respond(parsed.id, { error: parsed.error });
    const { request } = parsed;
    if (request.method === 'subscribe') return subscribe(request);
    inFlight++;
    execute(request)
      .then(
        (result) => respond(request.id, { result }),
        (error: unknown) => {
          if (error instanceof Error && UNEXPECTED.has(error.name)) deps.log(`${request.method} failed: ${error.stack ?? error.message}`);
          respond(request.id, { error: toWireError(error) });
        },
      )
      .finally(() => {
        inFlight--;
        endIfDone();
      });
  };

  const endIfDone = (): void => {
    if (inputEnded && inFlight === 0 && !socket.destroyed) {
      closeSubscriptions();
      socket.end();
    }
  };

  const closeSubscriptions = (): void => {
    for (const error of subscriptions.removeAll()) deps.log(`unsubscribe failed: ${describeError(error)}`);
  };

  const onData = (chunk: Buffer): void => {
    const { lines, overflow } = decoder.push(chunk);
    for (const line of lines) {
      if (socket.destroyed) return;
      handleLine(line);
    }
    if (overflow) {
      socket.off('data', onData);
      const tooLong = new ProtocolError(`a message longer than ${MAX_REQUEST_LINE_BYTES} bytes; closing the connection`);
      respond(null, { error: toWireError(tooLong) });
      socket.end(() => socket.destroy());
    }
  };

  socket.on('data', onData);
  socket.on('drain', () => {
    subscriptions.drained();
    if (socket.isPaused()) socket.resume();
  });
  socket.on('end', () => {
    inputEnded = true;
    endIfDone();
  });
  // A client that vanishes mid-request is normal: its answers are simply not written.
  socket.on('error', () => socket.destroy());
  socket.on('close', closeSubscriptions);
}
