/**
 * The most recent `capacity` bytes pushed, copied into one buffer that grows on demand up to
 * `capacity`, so a quiet stream costs little and a flooding one never more than `capacity`.
 */
export class ByteRing {
  readonly capacity: number;
  private buffer = Buffer.alloc(0);
  private start = 0;
  private used = 0;
  private dropped = false;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`ByteRing capacity must be a whole number > 0, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  /** Bytes held. */
  get length(): number {
    return this.used;
  }

  /** Whether older bytes have been overwritten since the last clear. */
  get droppedBytes(): boolean {
    return this.dropped;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (chunk.length >= this.capacity) {
      this.grow(this.capacity);
      this.buffer.set(chunk.subarray(chunk.length - this.capacity));
      this.dropped ||= this.used > 0 || chunk.length > this.capacity;
      this.start = 0;
      this.used = this.capacity;
      return;
    }
    this.grow(Math.min(this.capacity, this.used + chunk.length));
    const size = this.buffer.length;
    const overflow = this.used + chunk.length - size;
    if (overflow > 0) {
      this.start = (this.start + overflow) % size;
      this.used -= overflow;
      this.dropped = true;
    }
    const writeAt = (this.start + this.used) % size;
    const firstPart = Math.min(chunk.length, size - writeAt);
    this.buffer.set(chunk.subarray(0, firstPart), writeAt);
    if (firstPart < chunk.length) this.buffer.set(chunk.subarray(firstPart), 0);
    this.used += chunk.length;
  }

  /** A copy of the bytes held, oldest first. */
  contents(): Buffer {
    const out = Buffer.allocUnsafe(this.used);
    const firstPart = Math.min(this.used, this.buffer.length - this.start);
    this.buffer.copy(out, 0, this.start, this.start + firstPart);
    this.buffer.copy(out, firstPart, 0, this.used - firstPart);
    return out;
  }

  clear(): void {
    this.buffer = Buffer.alloc(0);
    this.start = 0;
    this.used = 0;
    this.dropped = false;
  }

  /** Make room for `needed` bytes (<= capacity), doubling to keep copies amortised. */
  private grow(needed: number): void {
    if (needed <= this.buffer.length) return;
    const size = Math.min(this.capacity, Math.max(needed, this.buffer.length * 2, 4096));
    const next = Buffer.allocUnsafe(size);
    this.contents().copy(next);
    this.buffer = next;
    this.start = 0;
  }
}
