/**
 * `compute` memoized by key until the event loop's next turn. The instances of one start spawn in
 * one turn and can share one directory listing or environment copy; a later turn computes afresh.
 */
export function memoForTurn<K, V>(compute: (key: K) => V): (key: K) => V {
  let memo: Map<K, V> | undefined;
  return (key) => {
    if (!memo) {
      const current = new Map<K, V>();
      memo = current;
      setImmediate(() => {
        if (memo === current) memo = undefined;
      });
    }
    if (memo.has(key)) return memo.get(key)!;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}
