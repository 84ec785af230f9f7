import type { PortProbe } from '../../../src/supervisor/port-assigner.js';

/** A PortProbe that answers from a set of busy ports, one macrotask later, so concurrent claims interleave. */
export class FakePortProbe implements PortProbe {
  readonly busy: Set<number>;
  readonly probed: number[] = [];

  constructor(busy: Iterable<number> = []) {
    this.busy = new Set(busy);
  }

  async isPortFree(port: number): Promise<boolean> {
    this.probed.push(port);
    await new Promise((resolve) => setImmediate(resolve));
    return !this.busy.has(port);
  }

  describePortInUse(port: number): string {
    return `port ${port} is in use by pid 4242 (fake-holder)`;
  }
}
