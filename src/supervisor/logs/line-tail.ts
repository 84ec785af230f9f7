import { ByteRing } from './byte-ring.js';

/** Bounds of a tail: whichever is reached first wins. */
export interface LineTailOptions {
  /** Most lines `lines()` returns (default 1,000). */
  maxLines?: number;
  /** Most raw bytes kept (default 256 KiB). */
  maxBytes?: number;
}

/** The recent output of one stream of one instance, for log panes and live streaming. */
export interface LineTail {
  /** Keep (a copy of) the chunk; cheap, since nothing is decoded or split here. */
  push(chunk: Buffer): void;
  /** The last `n` (default and at most maxLines) lines, oldest first; an unfinished last line is included. */
  lines(n?: number): string[];
  /** Bytes currently held. */
  readonly byteLength: number;
  clear(): void;
}

const NEWLINE = 0x0a;

/**
 * A tail bounded in bytes and lines. Raw bytes go into a fixed-size ring; they are decoded and
 * split only when lines are asked for, so a child writing 200 MiB/s costs one memcpy per chunk.
 * Lines are split on `\n` with a trailing `\r` removed (CRLF output shows like LF output).
 */
export function createLineTail(options: LineTailOptions = {}): LineTail {
  const maxLines = options.maxLines ?? 1_000;
  const ring = new ByteRing(options.maxBytes ?? 256 * 1024);

  return {
    push(chunk) {
      ring.push(chunk);
    },
    lines(n = maxLines) {
      return lastLines(ring.contents(), ring.droppedBytes, Math.min(n, maxLines));
    },
    get byteLength() {
      return ring.length;
    },
    clear() {
      ring.clear();
    },
  };
}

/** The last `count` lines of `bytes`; if `truncated`, the first line is a fragment and is skipped. */
export function lastLines(bytes: Buffer, truncated: boolean, count: number): string[] {
  if (count <= 0 || bytes.length === 0) return [];
  let start = 0;
  if (truncated) {
    const firstBreak = bytes.indexOf(NEWLINE);
    // With no newline at all, everything held is the end of one huge line: show that end.
    if (firstBreak !== -1) start = firstBreak + 1;
  }
  // A final newline ends the last line; it does not start an empty one.
  const end = bytes[bytes.length - 1] === NEWLINE ? bytes.length - 1 : bytes.length;
  if (end < start) return [];
  // Only the wanted lines are decoded: find the count-th newline from the end.
  let from = start;
  let searchEnd = end;
  for (let found = 1; found <= count && searchEnd > start; found++) {
    const at = bytes.lastIndexOf(NEWLINE, searchEnd - 1);
    if (at < start) break;
    if (found === count) from = at + 1;
    searchEnd = at;
  }
  return bytes
    .toString('utf8', from, end)
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
