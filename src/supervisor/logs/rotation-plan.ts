/** The file operations that rotate `path`, in the order they must run (missing files are skipped). */
export interface RotationPlan {
  remove: string[];
  renames: Array<[from: string, to: string]>;
}

/** Name of the n-th rotated file of `path` (`x.log.1` is the newest). */
export function rotatedPath(path: string, n: number): string {
  return `${path}.${n}`;
}

/** Whether `incoming` more bytes would push a file of `size` bytes past `maxBytes`. */
export function needsRotation(size: number, incoming: number, maxBytes: number): boolean {
  // An empty file always takes the chunk, so a chunk bigger than maxBytes gets a file of its own.
  return size > 0 && size + incoming > maxBytes;
}

/** Shift `x.log.(retain-1)` → `x.log.retain` … `x.log` → `x.log.1`, dropping the oldest. */
export function planRotation(path: string, retain: number): RotationPlan {
  if (retain <= 0) return { remove: [path], renames: [] };
  const renames: Array<[string, string]> = [];
  for (let n = retain - 1; n >= 1; n--) renames.push([rotatedPath(path, n), rotatedPath(path, n + 1)]);
  renames.push([path, rotatedPath(path, 1)]);
  return { remove: [rotatedPath(path, retain)], renames };
}

/** Rotated files of `baseName` in a directory listing numbered beyond `retain` (left by a larger earlier retain). */
export function staleRotations(fileNames: readonly string[], baseName: string, retain: number): string[] {
  const prefix = `${baseName}.`;
  return fileNames.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const suffix = name.slice(prefix.length);
    return /^[1-9][0-9]*$/.test(suffix) && Number(suffix) > retain;
  });
}
