import { formatBytes } from '../../lib/format-bytes.js';
import { formatDuration } from '../../lib/format-duration.js';

/** `value` with as few decimals as keep it visibly on its side of `bound`: "84" vs 70, "70.4" vs 70. */
export function percentAgainst(value: number, bound: number): string {
  const boundShown = plain(bound);
  for (const digits of [0, 1, 2]) {
    const shown = Number(value.toFixed(digits));
    if (shown !== Number(boundShown) && shown > bound === value > bound) return String(shown);
  }
  return String(Number(value.toFixed(3)));
}

/** A threshold as written, without float noise: 35, 35.25. */
export function plain(n: number): string {
  return String(Number(n.toFixed(2)));
}

/** The averaging window as a reason ends: "over 10s", "over 2m00s", "over 500ms". */
export function overWindow(windowMs: number): string {
  return `over ${windowMs < 1000 ? `${windowMs}ms` : formatDuration(windowMs)}`;
}

/** "CPU 84% > 70%". */
export function cpuAbove(cpu: number, threshold: number): string {
  return `CPU ${percentAgainst(cpu, threshold)}% > ${plain(threshold)}%`;
}

/** "CPU 12% < 35% (half of 70%)". */
export function cpuBelowHalf(cpu: number, threshold: number): string {
  const half = threshold / 2;
  return `CPU ${percentAgainst(cpu, half)}% < ${plain(half)}% (half of ${plain(threshold)}%)`;
}

/** "memory 612 MiB > 512 MiB". */
export function memoryAbove(memory: number, threshold: number): string {
  return `memory ${formatBytes(memory)} > ${formatBytes(threshold)}`;
}

/** "memory 100 MiB < 256 MiB (half of 512 MiB)". */
export function memoryBelowHalf(memory: number, threshold: number): string {
  return `memory ${formatBytes(memory)} < ${formatBytes(threshold / 2)} (half of ${formatBytes(threshold)})`;
}
