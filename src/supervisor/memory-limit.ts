import { formatBytes } from '../lib/format-bytes.js';

/** The reason to restart an instance over its max_memory_restart, or undefined when within it. */
export function memoryLimitExceeded(memory: number, limit: number | undefined): string | undefined {
  if (limit === undefined || memory <= limit) return undefined;
  return `memory ${formatBytes(memory)} over max_memory_restart ${formatBytes(limit)}`;
}
