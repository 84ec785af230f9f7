import { newInstance } from '../../src/supervisor/store.js';
import type { InstanceState } from '../../src/supervisor/types.js';

/** An online instance (the store's newInstance, then online with a pid); `overrides` replace any field. */
export function onlineInstance(app: string, id: number, overrides: Partial<InstanceState> = {}): InstanceState {
  // Above the kernel's pid limit (2^22): no real process has these pids.
  return { ...newInstance(app, id), status: 'online', pid: 5_000_000 + id, ...overrides };
}
