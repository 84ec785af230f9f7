import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAppSpec } from '../../dist/config/index.js';
import { Supervisor } from '../../dist/supervisor/supervisor.js';

export function tempHome() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-bench-'));
}

export function spec(raw) {
  return buildAppSpec(raw, { file: '', baseDir: process.cwd(), cpus: os.availableParallelism() });
}

export function supervisor(options = {}) {
  return new Supervisor({ home: tempHome(), metricsIntervalMs: 0, ...options });
}

export function instances(sup, name) {
  return sup.store.getState().apps[name]?.instances ?? [];
}

/** Resolves when `check(state)` holds after a store change (no polling). */
export function until(sup, check) {
  return new Promise((resolve) => {
    if (check(sup.store.getState())) return resolve();
    const off = sup.store.subscribe((s) => {
      if (check(s)) {
        off();
        resolve();
      }
    });
  });
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
