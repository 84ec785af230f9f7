import type { SupervisorEvent } from '../api/types.js';

/** Bytes queued on a subscriber's socket past which log events are dropped, and past which it is closed. */
export interface GateLimits {
  dropLogsAbove: number;
  closeAbove: number;
}

export const DEFAULT_GATE_LIMITS: GateLimits = { dropLogsAbove: 4 * 1024 * 1024, closeAbove: 64 * 1024 * 1024 };

/** What to do with one event; `notice` (a 'dropped' event) must be sent just before it. */
export type GateDecision = { action: 'send'; notice?: SupervisorEvent } | { action: 'drop' } | { action: 'close' };

/**
 * Keeps a slow subscriber from growing the daemon's memory (design §3 "Logs"): log events are
 * dropped while its backlog is high and counted in one 'dropped' event once it catches up;
 * state events are never dropped. Pure: the caller passes the socket's backlog.
 */
export interface EventGate {
  admit(event: SupervisorEvent, backlogBytes: number): GateDecision;
  /** The socket's queue emptied: the 'dropped' notice owed, if any. */
  drained(): SupervisorEvent | undefined;
}

export function createEventGate(limits: GateLimits = DEFAULT_GATE_LIMITS): EventGate {
  let droppedLines = 0;
  // The notice carries the newest seq seen, so seq never goes backwards for the client.
  let lastSeq = 0;

  const takeNotice = (): SupervisorEvent | undefined => {
    if (droppedLines === 0) return undefined;
    const notice: SupervisorEvent = { type: 'dropped', seq: lastSeq, logLines: droppedLines };
    droppedLines = 0;
    return notice;
  };

  return {
    admit(event, backlogBytes) {
      if (backlogBytes > limits.closeAbove) return { action: 'close' };
      const backedUp = backlogBytes > limits.dropLogsAbove;
      if (backedUp && event.type === 'log') {
        droppedLines += event.lines.length;
        lastSeq = Math.max(lastSeq, event.seq);
        return { action: 'drop' };
      }
      const notice = backedUp ? undefined : takeNotice();
      lastSeq = Math.max(lastSeq, event.seq);
      return notice ? { action: 'send', notice } : { action: 'send' };
    },
    drained: takeNotice,
  };
}
