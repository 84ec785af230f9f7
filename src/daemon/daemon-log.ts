import fs from 'node:fs';

/** Appends one timestamped line to a log file; logging must never be what crashes the daemon. */
export type DaemonLog = (message: string) => void;

export function createDaemonLog(file: string): DaemonLog {
  return (message) => {
    try {
      fs.appendFileSync(file, `${new Date().toISOString()} [${process.pid}] ${message}\n`, { mode: 0o600 });
    } catch {
      // The disk is full or the home is gone: there is nowhere left to report it.
    }
  };
}

/** An error with its stack (and causes), for the log. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? '' : `\ncaused by: ${describeError(error.cause)}`;
  return `${error.stack ?? `${error.name}: ${error.message}`}${cause}`;
}
