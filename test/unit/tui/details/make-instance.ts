import type { ExitRecord, InstanceState, MetricSample } from '../../../../src/supervisor/types.js';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** A minute or two of plausible samples: CPU wandering 5-60 %, memory creeping up from 48 MiB. */
export function makeHistory(count: number, now = NOW): MetricSample[] {
  return Array.from({ length: count }, (_, i) => ({
    at: now - (count - i) * 1000,
    cpu: 30 + 25 * Math.sin(i / 6) + (i % 7) * 0.8,
    memory: (48 + i * 0.15 + (i % 5)) * 1024 * 1024,
  }));
}

export function makeExits(now = NOW): ExitRecord[] {
  return [
    { at: now - 3_600_000, code: 1, signal: null, reason: 'crash', uptimeMs: 4_000, detail: 'Error: ECONNREFUSED 127.0.0.1:5432' },
    { at: now - 900_000, code: null, signal: 'SIGKILL', reason: 'memory-limit', uptimeMs: 125_000, detail: 'rss 612 MiB over max_memory_restart 600 MiB' },
    { at: now - 192_000, code: null, signal: 'SIGTERM', reason: 'unhealthy', uptimeMs: 61_000 },
    { at: now - 12_000, code: 0, signal: null, reason: 'user', uptimeMs: 3_000 },
  ];
}

/** An online instance with history, exits and a health result; `overrides` replace any field. */
export function makeInstance(overrides: Partial<InstanceState> = {}): InstanceState {
  const history = makeHistory(120);
  const last = history[history.length - 1];
  return {
    app: 'web',
    id: 2,
    status: 'online',
    desired: 'running',
    pid: 1234,
    port: 3002,
    startedAt: NOW - 192_000,
    restarts: 4,
    unstableRestarts: 0,
    health: 'healthy',
    healthFailures: 0,
    lastHealth: { at: NOW - 8_000, ok: true, latencyMs: 12, message: 'HTTP 200' },
    cpu: last?.cpu ?? 0,
    memory: last?.memory ?? 0,
    history,
    exits: makeExits(),
    ...overrides,
  };
}
