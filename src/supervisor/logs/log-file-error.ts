/** What was being done to a log file when it failed. */
export type LogFileOperation = 'open' | 'write' | 'rotate' | 'close';

/** A log file could not be opened, written, rotated or closed; `cause` is the fs error. */
export class LogFileError extends Error {
  override readonly name = 'LogFileError';
  readonly path: string;
  readonly operation: LogFileOperation;
  /** The errno code of the cause (`ENOSPC`, `EACCES`…), when there is one. */
  readonly code: string | undefined;

  constructor(operation: LogFileOperation, path: string, cause?: unknown) {
    const code = errnoCode(cause);
    super(`Cannot ${operation} log file ${path}${code === undefined ? '' : ` (${code})`}`, cause === undefined ? undefined : { cause });
    this.path = path;
    this.operation = operation;
    this.code = code;
  }
}

/** The `code` of a Node system error, if `error` is one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
