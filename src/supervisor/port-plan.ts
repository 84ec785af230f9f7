import type { PortSpec } from '../config/spec.js';

export class PortRangeError extends Error {
  override readonly name = 'PortRangeError';
}

/**
 * The port instance `id` must use for a fixed port spec, or undefined for none/auto.
 * Throws when the range cannot hold the instance (design §3: a clear error, also after a scale).
 */
export function fixedPort(app: string, spec: PortSpec, id: number): number | undefined {
  switch (spec.kind) {
    case 'none':
    case 'auto':
      return undefined;
    case 'single':
      if (id > 0) {
        throw new PortRangeError(
          `app "${app}" has the single port ${spec.port}, so it can run only one instance; ` +
            `give it a range such as "${spec.port}-${spec.port + id}" or "auto:${spec.port}-${spec.port + 100}"`,
        );
      }
      return spec.port;
    case 'range': {
      const size = spec.to - spec.from + 1;
      if (id >= size) {
        throw new PortRangeError(
          `app "${app}" needs ${id + 1} ports but its range ${spec.from}-${spec.to} has ${size}; ` +
            `widen it to "${spec.from}-${spec.from + id}" or use "auto:${spec.from}-${spec.from + id + 100}"`,
        );
      }
      return spec.from + id;
    }
  }
}

/** Candidate ports of an auto range, lowest first, skipping those already handed out. */
export function* autoPortCandidates(
  spec: { from: number; to: number },
  taken: ReadonlySet<number>,
): Generator<number> {
  for (let port = spec.from; port <= spec.to; port++) if (!taken.has(port)) yield port;
}

/** Every port currently handed out, optionally except one app's instance. */
export function takenPorts(
  ports: Readonly<Record<string, readonly (number | undefined)[]>>,
): Set<number> {
  const taken = new Set<number>();
  for (const list of Object.values(ports)) for (const port of list) if (port !== undefined) taken.add(port);
  return taken;
}
