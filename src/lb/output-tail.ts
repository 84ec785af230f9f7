const KEEP_BYTES = 8 * 1024;

/** The last few KB a command wrote on one stream: enough for its error, bounded whatever it prints. */
export function outputTail(limit = KEEP_BYTES): { push(chunk: Buffer): void; text(): string } {
  let kept = Buffer.alloc(0);
  return {
    push(chunk) {
      kept = Buffer.concat([kept, chunk]);
      if (kept.length > limit) kept = kept.subarray(kept.length - limit);
    },
    text: () => kept.toString('utf8'),
  };
}

/** The last `count` non-blank lines of `text`, trimmed and joined on one line. */
export function lastLines(text: string, count = 3): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(-count)
    .join(' | ');
}
