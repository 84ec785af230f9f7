/** The batches of a rolling restart: `batch` instances at a time, lowest ids first (pure). */
export function planRollingRestart(ids: readonly number[], batch = 1): number[][] {
  const size = Math.max(1, Math.floor(batch));
  const steps: number[][] = [];
  const sorted = [...ids].sort((a, b) => a - b);
  for (let k = 0; k < sorted.length; k += size) steps.push(sorted.slice(k, k + size));
  return steps;
}

export class RollingRestartError extends Error {
  override readonly name = 'RollingRestartError';
  constructor(
    readonly app: string,
    readonly instance: number,
    why: string,
    untouched: readonly number[],
  ) {
    super(
      `rolling restart of "${app}" stopped at instance ${instance}: ${why}` +
        (untouched.length > 0 ? `; instances ${untouched.join(', ')} were left as they were` : ''),
    );
  }
}
