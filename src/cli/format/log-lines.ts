import type { LogLine } from '../../api/types.js';

/** A log line as `logs` prints it: `web-2 | text`, with stderr lines marked `web-2 err | text`. */
export function formatLogLine(l: LogLine): string {
  return `${l.app}-${l.instance}${l.stream === 'err' ? ' err' : ''} | ${l.line}`;
}
