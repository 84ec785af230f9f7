import type { SubscribeOptions, SupervisorApi, SupervisorEvent } from '../api/types.js';
import { createEventGate, type EventGate, type GateLimits } from '../protocol/event-gate.js';
import { encodeMessage } from '../protocol/messages.js';
import { ProtocolError } from '../protocol/errors.js';

/** What the subscriptions of one connection need from its socket. */
export interface SubscriberSocket {
  write(text: string): void;
  /** Bytes queued and not yet taken by the client. */
  backlog(): number;
  writable(): boolean;
  /** Gives up on a client too far behind. */
  drop(reason: string): void;
}

// One connection rarely needs more than one; the cap keeps a runaway client from piling them up.
const MAX_SUBSCRIPTIONS = 16;

/** The subscriptions of one connection: each an API subscription whose events pass its own gate. */
export class ConnectionSubscriptions {
  private readonly active = new Map<number, { gate: EventGate; unsubscribe: () => void }>();
  private nextId = 1;

  constructor(
    private readonly api: SupervisorApi,
    private readonly socket: SubscriberSocket,
    private readonly limits: GateLimits,
  ) {}

  /**
   * Subscribes; `announce` writes the response and runs before any event is sent, since the
   * API emits the snapshot synchronously, inside its subscribe call.
   */
  add(options: SubscribeOptions, announce: (id: number) => void): void {
    if (this.active.size >= MAX_SUBSCRIPTIONS) throw new ProtocolError(`at most ${MAX_SUBSCRIPTIONS} subscriptions per connection`);
    const id = this.nextId++;
    const early: SupervisorEvent[] = [];
    let live = false;
    const unsubscribe = this.api.subscribe((event) => (live ? this.deliver(id, event) : early.push(event)), options);
    this.active.set(id, { gate: createEventGate(this.limits), unsubscribe });
    announce(id);
    live = true;
    for (const event of early) this.deliver(id, event);
  }

  /** Ends one subscription; false when there was none with that id. */
  remove(id: number): boolean {
    const sub = this.active.get(id);
    if (!sub) return false;
    this.active.delete(id);
    sub.unsubscribe();
    return true;
  }

  /** Ends every subscription, even when one's unsubscribe throws; returns what they threw. */
  removeAll(): unknown[] {
    const errors: unknown[] = [];
    for (const id of [...this.active.keys()]) {
      try {
        this.remove(id);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  /** The socket caught up: send the 'dropped' notices owed. */
  drained(): void {
    for (const [id, sub] of this.active) {
      const notice = sub.gate.drained();
      if (notice) this.socket.write(encodeMessage({ subscription: id, event: notice }));
    }
  }

  private deliver(id: number, event: SupervisorEvent): void {
    const sub = this.active.get(id);
    if (!sub || !this.socket.writable()) return;
    const decision = sub.gate.admit(event, this.socket.backlog());
    switch (decision.action) {
      case 'drop':
        return;
      case 'close':
        return this.socket.drop(`a subscriber fell ${this.socket.backlog()} bytes behind`);
      case 'send':
        if (decision.notice) this.socket.write(encodeMessage({ subscription: id, event: decision.notice }));
        this.socket.write(encodeMessage({ subscription: id, event }));
        return;
    }
  }
}
