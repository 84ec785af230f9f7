/** Returns a new array with `item` appended, keeping only the newest `max` items. */
export function pushHistory<T>(history: readonly T[], item: T, max = 120): T[] {
  if (max < 1) return [];
  const drop = Math.max(0, history.length + 1 - Math.floor(max));
  return [...history.slice(drop), item];
}
