import { ConfigError, type ConfigProblem } from './errors.js';

/** A problem with one value, before it is tied to a file and an app. */
export interface FieldProblem {
  field?: string;
  text: string;
}

const MAX_SHOWN = 60;

/** Shows a config value as the user wrote it, shortened so that one problem stays one line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}

/** The error for a value that is not allowed: `"field" is <value>; <what is allowed>`. */
export function invalidValue(field: string, value: unknown, allowed: string): ConfigError {
  return new ConfigError(`"${field}" is ${describeValue(value)}; ${allowed}`, { field });
}

/** Runs one check; a ConfigError it throws is recorded as a problem and `fallback` is returned. */
export function attempt<T>(problems: FieldProblem[], check: () => T, fallback: T): T {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(err.field === undefined ? { text: err.message } : { field: err.field, text: err.message });
    return fallback;
  }
}

/** The `file: app "x": ` prefix of a problem line; `file` may be empty (e.g. CLI flags). */
export function problemPrefix(file: string, label?: string): string {
  const parts = [file, label].filter((part): part is string => part !== undefined && part !== '');
  return parts.map((part) => `${part}: `).join('');
}

/** Bundles problem lines into one ConfigError whose message has one line per problem. */
export function problemsError(problems: readonly ConfigProblem[], file: string): ConfigError {
  const first = problems[0];
  const single = problems.length === 1 && first !== undefined;
  return new ConfigError(problems.map((p) => p.message).join('\n'), {
    ...(single && first.app !== undefined ? { app: first.app } : {}),
    ...(single && first.field !== undefined ? { field: first.field } : {}),
    location: { file },
    problems,
  });
}
