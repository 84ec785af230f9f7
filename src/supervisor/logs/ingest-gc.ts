import { createRequire } from 'node:module';

// node:v8 and node:vm load only when a flood of logs first needs a scavenge, not at daemon start.
const require = createRequire(import.meta.url);

/** Counts piped log bytes and runs a young-generation GC after every `everyBytes`. */
export interface IngestGc {
  account(bytes: number): void;
  /** Collections run so far. */
  readonly collections: number;
}

type Collect = () => void;

/**
 * Every chunk read from a child's pipe is a fresh 64 KiB native buffer that only a GC frees, and
 * V8 starts one only once ~64 MiB of such memory is pending; a scavenge every few MiB keeps the
 * supervisor's RSS flat under a flood for ~0.3 ms each. Without a usable `gc` it does nothing.
 */
export function createIngestGc(everyBytes: number, load: () => Collect | undefined = loadMinorGc): IngestGc {
  let pending = 0;
  let collections = 0;
  let collect: Collect | undefined | null = null; // null: not looked up yet (only once needed)
  return {
    account(bytes) {
      pending += bytes;
      if (pending < everyBytes) return;
      pending %= everyBytes;
      if (collect === null) collect = load();
      if (collect === undefined) return;
      collections += 1;
      collect();
    },
    get collections() {
      return collections;
    },
  };
}

/** The process-wide accountant: garbage from all pipes adds up in one heap. */
export const sharedIngestGc: IngestGc = createIngestGc(4 * 1024 * 1024);

/** V8's `gc` function asking for a minor (scavenge) collection, or undefined if it cannot be had. */
export function loadMinorGc(): Collect | undefined {
  const exposed = lookUpGc(globalThis);
  if (exposed !== undefined) return () => exposed({ type: 'minor' });
  try {
    // The usual idiom (as in the expose-gc package) without starting node with --expose-gc: a
    // context created while the flag is on gets `gc`; the flag goes off so no other context does.
    const v8 = require('node:v8') as typeof import('node:v8');
    const vm = require('node:vm') as typeof import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    const fromContext = lookUpGc(vm.runInNewContext('globalThis'));
    v8.setFlagsFromString('--no-expose-gc');
    return fromContext === undefined ? undefined : () => fromContext({ type: 'minor' });
  } catch {
    return undefined;
  }
}

type GcFunction = (options: { type: 'minor' | 'major' }) => void;

function lookUpGc(scope: unknown): GcFunction | undefined {
  if (typeof scope !== 'object' || scope === null || !('gc' in scope)) return undefined;
  return typeof scope.gc === 'function' ? (scope.gc as GcFunction) : undefined;
}
