import { isPortFree } from '../../src/lib/port-probe.js';

/**
 * A run of `count` consecutive free ports in 20000-32000, chosen at random so test files never
 * collide; below 32768, where the kernel picks the local ports of outgoing connections under load.
 */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const from = 20_000 + Math.floor(Math.random() * (12_000 - count));
    let ok = true;
    for (let p = from; p < from + count && ok; p++) ok = await isPortFree(p);
    if (ok) return from;
  }
  throw new Error(`no run of ${count} free ports found`);
}
