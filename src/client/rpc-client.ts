import type net from 'node:net';
import type { SupervisorEvent } from '../api/types.js';
import { RemoteError } from '../protocol/errors.js';
import { createLineDecoder } from '../protocol/line-decoder.js';
import { encodeMessage, type WireError } from '../protocol/messages.js';
import type { Method } from '../protocol/methods.js';
import { ClientClosedError, DaemonGoneError } from './errors.js';

/** Answers can be large (a snapshot, many log lines), but not unbounded. */
const MAX_RESPONSE_LINE_BYTES = 256 * 1024 * 1024;

type Settle = (error: Error | undefined, result: unknown) => void;

/** Requests by id over one socket, and events routed to their subscription. */
export class RpcClient {
  private readonly pending = new Map<number, Settle>();
  private readonly subscribers = new Map<number, (event: SupervisorEvent) => void>();
  private readonly closeListeners = new Set<(error: Error | undefined) => void>();
  private nextId = 1;
  private closedBy: 'us' | 'peer' | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly home: string,
  ) {
    const decoder = createLineDecoder(MAX_RESPONSE_LINE_BYTES);
    socket.on('data', (chunk: Buffer) => {
      const { lines, overflow } = decoder.push(chunk);
      for (const line of lines) this.receive(line);
      if (overflow) socket.destroy(new Error(`the daemon sent a message longer than ${MAX_RESPONSE_LINE_BYTES} bytes`));
    });
    socket.on('error', () => undefined); // 'close' follows and reports it
    socket.on('close', () => this.handleClose());
  }

  get closed(): boolean {
    return this.closedBy !== undefined;
  }

  /** Sends one request; `settle` runs synchronously when its answer is read, before any later message. */
  send(method: Method, params: unknown[], settle: Settle): void {
    if (this.closedBy) return settle(this.closedError(), undefined);
    const id = this.nextId++;
    this.pending.set(id, settle);
    this.socket.write(encodeMessage({ id, method, params }));
  }

  call<T>(method: Method, params: unknown[]): Promise<T> {
    return new Promise((resolve, reject) => this.send(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  }

  onEvent(subscription: number, handler: (event: SupervisorEvent) => void): void {
    this.subscribers.set(subscription, handler);
  }

  offEvent(subscription: number): void {
    this.subscribers.delete(subscription);
  }

  /** Called once when the connection ends: with an error when the daemon went away. */
  onClose(listener: (error: Error | undefined) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Drops the connection at once, without waiting for the daemon's side. */
  abort(): void {
    this.closedBy ??= 'us';
    this.socket.destroy();
  }

  close(): Promise<void> {
    if (this.socket.closed) return Promise.resolve();
    this.closedBy ??= 'us';
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.end();
    });
  }

  private receive(line: string): void {
    let message: { id?: unknown; result?: unknown; error?: WireError; subscription?: unknown; event?: SupervisorEvent };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return; // a daemon bug; the request it answered will fail when the connection closes
    }
    if (typeof message.subscription === 'number' && message.event) {
      const handler = this.subscribers.get(message.subscription);
      if (handler) isolate(() => handler(message.event!));
      return;
    }
    if (typeof message.id !== 'number') return;
    const settle = this.pending.get(message.id);
    if (!settle) return;
    this.pending.delete(message.id);
    const error = message.error ? new RemoteError(String(message.error.name), String(message.error.message)) : undefined;
    isolate(() => settle(error, message.result));
  }

  private handleClose(): void {
    this.closedBy ??= 'peer';
    const error = this.closedError();
    for (const settle of this.pending.values()) isolate(() => settle(error, undefined));
    this.pending.clear();
    this.subscribers.clear();
    for (const listener of this.closeListeners) isolate(() => listener(this.closedBy === 'peer' ? error : undefined));
    this.closeListeners.clear();
  }

  private closedError(): Error {
    return this.closedBy === 'peer' ? new DaemonGoneError(this.home) : new ClientClosedError();
  }
}

/** A caller's handler that throws must not stop the messages after it: its error is rethrown on its own. */
function isolate(run: () => void): void {
  try {
    run();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
