/** Where in a config file something was found (1-based line and column). */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** One problem in a config: `message` is the full user-facing line (file, app, field, fix). */
export interface ConfigProblem {
  app?: string;
  field?: string;
  message: string;
}

/**
 * A config problem found before anything was started. `message` is the whole user-facing text:
 * what was wrong, where, and what to do.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly app: string | undefined;
  readonly field: string | undefined;
  readonly location: SourceLocation | undefined;
  /** Every problem found, one per line of `message`; empty when the error is not a list. */
  readonly problems: readonly ConfigProblem[];

  constructor(
    message: string,
    details: {
      app?: string;
      field?: string;
      location?: SourceLocation;
      problems?: readonly ConfigProblem[];
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.app = details.app;
    this.field = details.field;
    this.location = details.location;
    this.problems = details.problems ?? [];
  }
}
