import { describe, expect, it } from 'vitest';
import type { SupervisorEvent } from '../../../src/api/types.js';
import { createEventGate } from '../../../src/protocol/event-gate.js';

const limits = { dropLogsAbove: 100, closeAbove: 1000 };
const log = (seq: number, lines = 2): SupervisorEvent => ({ type: 'log', seq, app: 'web', instance: 0, stream: 'out', lines: Array(lines).fill('x') });
const patch = (seq: number): SupervisorEvent => ({ type: 'patch', seq, apps: {} });

describe('createEventGate', () => {
  it('sends everything while the socket keeps up', () => {
    const gate = createEventGate(limits);
    expect(gate.admit(log(1), 0)).toEqual({ action: 'send' });
    expect(gate.admit(patch(2), 100)).toEqual({ action: 'send' });
    expect(gate.drained()).toBeUndefined();
  });

  it('drops log events past the soft limit but still sends state events', () => {
    const gate = createEventGate(limits);
    expect(gate.admit(log(1, 3), 101)).toEqual({ action: 'drop' });
    expect(gate.admit(patch(2), 500)).toEqual({ action: 'send' });
    expect(gate.admit(log(3, 4), 500)).toEqual({ action: 'drop' });
  });

  it('owes one dropped event, counting the lines, once the socket drains', () => {
    const gate = createEventGate(limits);
    gate.admit(log(1, 3), 101);
    gate.admit(patch(2), 500);
    gate.admit(log(3, 4), 500);
    expect(gate.drained()).toEqual({ type: 'dropped', seq: 3, logLines: 7 });
    expect(gate.drained()).toBeUndefined();
  });

  it('puts the dropped notice before the first event sent after the backlog shrinks', () => {
    const gate = createEventGate(limits);
    gate.admit(log(4, 5), 200);
    expect(gate.admit(log(5, 1), 50)).toEqual({ action: 'send', notice: { type: 'dropped', seq: 4, logLines: 5 } });
    expect(gate.drained()).toBeUndefined();
  });

  it('closes the connection when even state events back up past the hard limit', () => {
    const gate = createEventGate(limits);
    expect(gate.admit(patch(1), 1001)).toEqual({ action: 'close' });
    expect(gate.admit(log(2), 1001)).toEqual({ action: 'close' });
  });
});
