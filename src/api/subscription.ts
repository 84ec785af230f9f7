import type { InstanceLogs } from '../supervisor/instance-logs.js';
import type { SupervisorStore } from '../supervisor/store.js';
import { LogSplitter } from './log-splitter.js';
import type { RollingProgress, SubscribeOptions, SupervisorEvent } from './types.js';
import { diffApps, toWireState } from './wire.js';

export type RollingListener = (app: string, step: RollingProgress) => void;

/**
 * One subscriber's stream: a snapshot, then numbered patches, log lines and rolling steps.
 * The snapshot is emitted synchronously, before any later change can be, so nothing falls between.
 */
export function subscribe(
  sources: { store: SupervisorStore; logs: InstanceLogs; onRolling: (l: RollingListener) => () => void },
  onEvent: (event: SupervisorEvent) => void,
  options: SubscribeOptions = {},
): () => void {
  let seq = 0;
  onEvent({ type: 'snapshot', seq: seq++, state: toWireState(sources.store.getState()) });
  const offStore = sources.store.subscribe((next, prev) => {
    const apps = diffApps(prev, next);
    const host = next.host !== prev.host ? next.host : undefined;
    if (!apps && !host) return;
    onEvent({ type: 'patch', seq: seq++, apps: apps ?? {}, ...(host ? { host } : {}) });
  });
  const offRolling = sources.onRolling((app, step) => onEvent({ type: 'rolling', seq: seq++, app, step }));
  const filter = options.logs;
  let offLogs = (): void => {};
  if (filter) {
    const splitters = new Map<string, LogSplitter>();
    offLogs = sources.logs.onChunk((chunk) => {
      if (typeof filter === 'object' && (chunk.app !== filter.app || (filter.instance !== undefined && chunk.id !== filter.instance))) return;
      const key = `${chunk.app}\u0000${chunk.id}\u0000${chunk.stream}`;
      let splitter = splitters.get(key);
      if (!splitter) splitters.set(key, (splitter = new LogSplitter()));
      const lines = splitter.push(chunk.data);
      if (lines.length > 0) onEvent({ type: 'log', seq: seq++, app: chunk.app, instance: chunk.id, stream: chunk.stream, lines });
    });
  }
  return () => {
    offStore();
    offRolling();
    offLogs();
  };
}
