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
            `give it a range such as ${suggestRanges(spec.port, id + 1)}`,
        );
      }
      return spec.port;
    case 'range': {
      const size = spec.to - spec.from + 1;
      if (id >= size) {
        throw new PortRangeError(
          `app "${app}" needs ${id + 1} ports but its range ${spec.from}-${spec.to} has ${size}; ` +
            `use ${suggestRanges(spec.from, id + 1)}`,
        );
      }
      return spec.from + id;
    }
  }
}

/** `"3000-3003" or "auto:3000-3103"`, shifted down so the ranges stay within 65535. */
function suggestRanges(from: number, count: number): string {
  const start = Math.min(from, 65535 - count + 1);
  const autoEnd = Math.min(start + Math.max(count - 1, 100), 65535);
  return `"${start}-${start + count - 1}" or "auto:${start}-${autoEnd}"`;
}

/** Candidate ports of an auto range, lowest first, skipping those already handed out. */
export function* autoPortCandidates(
  spec: { from: number; to: number },
  taken: ReadonlySet<number>,
): Generator<number> {
  for (let port = spec.from; port <= spec.to; port++) if (!taken.has(port)) yield port;
}
