import type { WireApp, WireInstance } from '../../../../src/api/types.js';
import type { AppSpec } from '../../../../src/config/spec.js';
import { makeSpec } from '../../../helpers/make-spec.js';
import { onlineInstance } from '../../../helpers/online-instance.js';

/** An online instance with no history; `overrides` replace any field. */
export function instance(app: string, id: number, overrides: Partial<WireInstance> = {}): WireInstance {
  return onlineInstance(app, id, overrides);
}

// Above the kernel's pid limit (2^22): no real process has these pids.
export const PIDS = { frontend: 5_001_000, api: 5_002_000, worker: 5_003_000, db: 5_004_000 } as const;

/** An app whose instances are online on consecutive ports from `basePort` (none when undefined). */
export function wireApp(spec: Partial<AppSpec> & { name: string; instances: number }, basePort?: number, pidBase = 5_000_000): WireApp {
  const port: AppSpec['port'] = basePort === undefined ? { kind: 'none' } : { kind: 'range', from: basePort, to: basePort + spec.instances - 1 };
  return {
    spec: makeSpec({ port, ...spec }),
    instances: Array.from({ length: spec.instances }, (_, id) =>
      instance(spec.name, id, { pid: pidBase + id, ...(basePort === undefined ? {} : { port: basePort + id }) }),
    ),
  };
}

/** The apps of examples/three-tier.json5, running. */
export function threeTier(): Record<string, WireApp> {
  return {
    frontend: wireApp(
      {
        name: 'frontend',
        instances: 3,
        env: { ROLE: 'frontend', BACKEND_URLS: 'http://127.0.0.1:3000,http://127.0.0.1:3001,http://127.0.0.1:3002,http://127.0.0.1:3003' },
      },
      8080,
      PIDS.frontend,
    ),
    api: wireApp({ name: 'api', instances: 4, env: { ROLE: 'api' } }, 3000, PIDS.api),
    worker: wireApp({ name: 'worker', instances: 2, env: { ROLE: 'worker' } }, undefined, PIDS.worker),
  };
}
