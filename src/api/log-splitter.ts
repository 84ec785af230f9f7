/** Longest unfinished line kept between chunks; past it the fragment is emitted as a line. */
const MAX_PARTIAL = 64 * 1024;

/** Turns chunks of one stream into complete lines, keeping an unfinished last line for the next chunk. */
export class LogSplitter {
  private partial = '';

  push(chunk: Buffer): string[] {
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > MAX_PARTIAL) {
      lines.push(this.partial);
      this.partial = '';
    }
    return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  }
}
