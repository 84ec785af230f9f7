import type { DaemonClient, ServerInfo, SubscribeOptions, SupervisorEvent } from '../api/types.js';
import { monotonicMs } from '../lib/clock.js';
import type { RpcClient } from './rpc-client.js';

/** A connected client: the whole API of the daemon, plus what only a remote connection has. */
export interface DaemonConnection extends DaemonClient {
  /** What the daemon said in the handshake. */
  readonly server: ServerInfo;
  /** One round trip to the daemon, timed. */
  ping(): Promise<{ rttMs: number; server: ServerInfo }>;
  /** Runs `listener` once when the connection ends; with an error when the daemon went away. */
  onClose(listener: (error: Error | undefined) => void): () => void;
}

/** The DaemonClient methods as requests over `rpc` (the names on the wire are the method names). */
export function createDaemonClient(rpc: RpcClient, server: ServerInfo): DaemonConnection {
  return {
    server,
    async ping() {
      const started = monotonicMs();
      const info = await rpc.call<ServerInfo>('ping', []);
      return { rttMs: monotonicMs() - started, server: info };
    },
    onClose: (listener) => rpc.onClose(listener),
    info: () => rpc.call('info', []),
    listProcesses: () => rpc.call('listProcesses', []),
    start: (specs) => rpc.call('start', [specs]),
    startApps: (target) => rpc.call('startApps', [target]),
    stop: (target) => rpc.call('stop', [target]),
    restart: (target, options) => rpc.call('restart', options === undefined ? [target] : [target, options]),
    delete: (target) => rpc.call('delete', [target]),
    abortRolling: (app) => rpc.call('abortRolling', [app]),
    reload: (app, options) => rpc.call('reload', options === undefined ? [app] : [app, options]),
    autoscale: (app, settings) => rpc.call('autoscale', [app, settings]),
    scale: (app, count, options) => rpc.call('scale', options === undefined ? [app, count] : [app, count, options]),
    describe: (target) => rpc.call('describe', [target]),
    stats: (app) => rpc.call('stats', [app]),
    logs: (query) => rpc.call('logs', [query]),
    subscribe: (onEvent, options) => subscribeOver(rpc, onEvent, options),
    save: () => rpc.call('save', []),
    resurrect: () => rpc.call('resurrect', []),
    async kill() {
      // The daemon closes connections once every instance has stopped: resolve then, not at its answer.
      const closed = new Promise<void>((resolve) => rpc.onClose(() => resolve()));
      await rpc.call('kill', []);
      await closed;
    },
    close: () => rpc.close(),
  };
}

/** Subscribes, returning the unsubscribe function at once; events flow once the daemon has answered. */
function subscribeOver(rpc: RpcClient, onEvent: (event: SupervisorEvent) => void, options: SubscribeOptions = {}): () => void {
  let subscription: number | undefined;
  let cancelled = false;
  rpc.send('subscribe', [options], (error, result) => {
    if (error) return; // the connection closed: onClose says so
    subscription = (result as { subscription: number }).subscription;
    if (cancelled) void rpc.call('unsubscribe', [subscription]).catch(() => undefined);
    else rpc.onEvent(subscription, onEvent);
  });
  return () => {
    if (cancelled) return;
    cancelled = true;
    if (subscription === undefined) return;
    rpc.offEvent(subscription);
    if (!rpc.closed) void rpc.call('unsubscribe', [subscription]).catch(() => undefined);
  };
}
