import { ConfigError } from '../../config/errors.js';
import { SPEC_FLAGS } from './start-flags.js';

// Fields with no flag of their own, as a CLI user knows them.
const OTHER_NAMES: Record<string, string> = {
  script: 'the command',
  args: 'the arguments',
  'health_check.check_type': '--health-url/--health-cmd',
};

const NAMES: ReadonlyArray<[string, string]> = [
  ...SPEC_FLAGS.map((f): [string, string] => [f.field, `--${f.name}`]),
  ...Object.entries(OTHER_NAMES),
].sort((a, b) => b[0].length - a[0].length);

/** Rewrites a config message about fields into one about the flags that set them: `"instances"` → `--instances`. */
export function messageInFlags(message: string): string {
  let text = message.replace(/"env\.([^"]+)"/g, '--env $1');
  for (const [field, flag] of NAMES) text = text.replaceAll(`"${field}"`, flag);
  return text;
}

/** The same ConfigError, worded in flags (what `start` with flags reports). */
export function configErrorInFlags(err: ConfigError): ConfigError {
  const problems = err.problems.map((p) => ({ ...p, message: messageInFlags(p.message) }));
  return new ConfigError(messageInFlags(err.message), {
    ...(err.app === undefined ? {} : { app: err.app }),
    ...(err.field === undefined ? {} : { field: err.field }),
    problems,
    cause: err,
  });
}
