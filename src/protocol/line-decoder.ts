/** What one chunk of input produced: complete lines, and whether a line outgrew the limit. */
export interface DecodeResult {
  lines: string[];
  /** A line passed `maxLineBytes` before its newline: the stream can no longer be trusted. */
  overflow: boolean;
}

/** Splits a byte stream into newline-terminated UTF-8 lines, never buffering more than `maxLineBytes`. */
export interface LineDecoder {
  push(chunk: Buffer): DecodeResult;
  /** Bytes held for an unfinished line. */
  readonly pending: number;
}

export const NEWLINE = 0x0a;

/** A decoder for newline-delimited messages; a line longer than `maxLineBytes` is an overflow. */
export function createLineDecoder(maxLineBytes: number): LineDecoder {
  let parts: Buffer[] = [];
  let held = 0;
  let overflowed = false;

  return {
    get pending() {
      return held;
    },
    push(chunk) {
      const lines: string[] = [];
      if (overflowed) return { lines, overflow: true };
      let start = 0;
      for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
        if (held + nl - start > maxLineBytes) return overflow(lines);
        const tail = chunk.subarray(start, nl);
        lines.push(held === 0 ? tail.toString('utf8') : Buffer.concat([...parts, tail]).toString('utf8'));
        parts = [];
        held = 0;
        start = nl + 1;
      }
      if (start < chunk.length) {
        held += chunk.length - start;
        if (held > maxLineBytes) return overflow(lines);
        // Copy: the caller may reuse the chunk's memory.
        parts.push(Buffer.from(chunk.subarray(start)));
      }
      return { lines, overflow: false };
    },
  };

  function overflow(lines: string[]): DecodeResult {
    overflowed = true;
    parts = [];
    held = 0;
    return { lines, overflow: true };
  }
}
