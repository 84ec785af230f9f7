/** A bounded FIFO whose items keep the absolute sequence number (0, 1, 2, … ever pushed) they got. */
export interface Ring<T> {
  /** Sequence number of the oldest item kept. */
  readonly first: number;
  /** Sequence number the next item will get (= items ever pushed). */
  readonly end: number;
  readonly size: number;
  /** Appends, dropping the oldest item when full; returns what was dropped. */
  push(item: T): T | undefined;
  /** Drops the oldest item; undefined when empty. */
  shift(): T | undefined;
  get(seq: number): T | undefined;
  /** Items with sequence numbers in [from, from + count), clamped to what is kept. */
  slice(from: number, count: number): T[];
}

/** A ring that keeps at most `capacity` items; its array grows only as items arrive. */
export function createRing<T>(capacity: number): Ring<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
  const items: (T | undefined)[] = [];
  let first = 0;
  let end = 0;
  const shift = (): T | undefined => {
    if (first === end) return undefined;
    const slot = first % capacity;
    const item = items[slot];
    // Clear the slot so the dropped item can be collected now, not when the slot is reused.
    items[slot] = undefined;
    first++;
    return item;
  };
  return {
    get first() {
      return first;
    },
    get end() {
      return end;
    },
    get size() {
      return end - first;
    },
    push(item) {
      const dropped = end - first === capacity ? shift() : undefined;
      const slot = end % capacity;
      if (slot === items.length) items.push(item);
      else items[slot] = item;
      end++;
      return dropped;
    },
    shift,
    get(seq) {
      return seq >= first && seq < end ? items[seq % capacity] : undefined;
    },
    slice(from, count) {
      const start = Math.max(first, from);
      const stop = Math.min(end, from + Math.max(0, count));
      const out: T[] = [];
      for (let seq = start; seq < stop; seq++) out.push(items[seq % capacity] as T);
      return out;
    },
  };
}
