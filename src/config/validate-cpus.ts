import { invalidValue } from './problems.js';
import type { InstancesSetting } from './spec.js';

/** The instance count as written and as resolved against the CPU count. */
export interface Instances {
  setting: InstancesSetting;
  count: number;
}

const INSTANCES_RULE = 'use a positive number, "max" or -1';

/** Reads `instances`: a positive number, "max" (= cpus) or -1 (= cpus - 1, at least 1). */
export function parseInstances(value: unknown, cpus: number): Instances {
  if (value === undefined) return { setting: 1, count: 1 };
  if (value === 'max') return { setting: 'max', count: Math.max(1, cpus) };
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (n === -1) return { setting: -1, count: Math.max(1, cpus - 1) };
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw invalidValue('instances', value, INSTANCES_RULE);
  return { setting: n, count: n };
}

const LIST_RE = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;

/** Reads `cpu_affinity` ("0,1", "0-3", "0,2-3", [0, 2] or 3) as a list of CPUs that exist here. */
export function parseCpuAffinity(value: unknown, cpus: number): number[] | undefined {
  if (value === undefined) return undefined;
  const rule = 'use a list like "0,1", "0-3", "0,2-3" or [0, 2]';
  let list: number[];
  if (typeof value === 'number') {
    list = [value];
  } else if (Array.isArray(value) && value.length > 0) {
    list = value.map((v: unknown) => (typeof v === 'number' ? v : NaN));
  } else if (typeof value === 'string' && LIST_RE.test(value.replace(/\s+/g, ''))) {
    list = value.replace(/\s+/g, '').split(',').flatMap(expandRange);
  } else {
    throw invalidValue('cpu_affinity', value, rule);
  }
  if (list.some((n) => !Number.isInteger(n) || n < 0)) throw invalidValue('cpu_affinity', value, rule);
  const missing = list.filter((n) => n >= cpus);
  if (missing.length > 0) {
    const have = cpus === 1 ? 'CPU 0' : `CPUs 0-${cpus - 1}`;
    const why = `this machine has ${cpus} CPU${cpus === 1 ? '' : 's'} (${have}); CPU ${missing[0]} does not exist`;
    throw invalidValue('cpu_affinity', value, why);
  }
  return [...new Set(list)];
}

const MAX_EXPANDED = 4096;

function expandRange(part: string): number[] {
  const [from = 0, to = from] = part.split('-').map(Number);
  if (to < from) return [NaN];
  // A range this long cannot fit any machine; keep its ends so the "does not exist" check fires.
  if (to - from >= MAX_EXPANDED) return [from, to];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
