/** Process exit codes, documented in the README; the only place errors become numbers. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  config: 3,
  notFound: 4,
  daemon: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Maps any thrown error (local, or rethrown from the daemon with its `name`) to an exit code. */
export function exitCodeFor(error: unknown): ExitCode {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'UsageError':
    case 'ScaleError':
      return EXIT.usage;
    case 'ConfigError':
    case 'PortRangeError':
      return EXIT.config;
    case 'UnknownAppError':
    case 'InstanceRangeError':
      return EXIT.notFound;
    case 'DaemonNotRunningError':
    case 'DaemonStartError':
    case 'DaemonGoneError':
    case 'VersionMismatchError':
      return EXIT.daemon;
    default:
      return EXIT.failure;
  }
}

/** A malformed command line; its message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
