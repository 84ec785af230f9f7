/**
 * `fn` remembered by its string argument, forgetting everything once `max` answers are kept: a
 * frame asks for the same few hundred strings again and again, and a flood of new log lines must
 * not grow the cache without end.
 */
export function boundedMemo<T>(fn: (key: string) => T, max = 2000): (key: string) => T {
  let cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      if (cache.size >= max) cache = new Map();
      cache.set(key, value);
    }
    return value;
  };
}
