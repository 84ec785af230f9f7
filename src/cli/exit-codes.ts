/** Process exit codes, documented in the README; the only place errors become numbers. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  config: 3,
  notFound: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Maps any thrown error to an exit code by its stable `name`. */
export function exitCodeFor(error: unknown): ExitCode {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'UsageError':
      return EXIT.usage;
    case 'ConfigError':
    case 'PortRangeError':
      return EXIT.config;
    case 'UnknownAppError':
    case 'InstanceRangeError':
      return EXIT.notFound;
    default:
      return EXIT.failure;
  }
}

/** A malformed command line; its message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
