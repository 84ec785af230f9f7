import { ConfigError, type ConfigProblem } from './errors.js';
import { describeValue, problemPrefix, problemsError } from './problems.js';
import type { AppSpec } from './spec.js';
import { validateApp, type AppContext } from './validate-app.js';
import { checkPortConflicts } from './validate-ports.js';
import { isRecord } from './values.js';

const SHAPE = 'a config file holds one app object or { "apps": [ ... ] }';

/** The raw app objects of a parsed file: a single app, `{ apps: [...] }`, or a bare array of apps. */
export function rawAppList(raw: unknown, file: string): unknown[] {
  const prefix = problemPrefix(file);
  const hasApps = isRecord(raw) && 'apps' in raw;
  const list = Array.isArray(raw) ? raw : hasApps ? raw.apps : isRecord(raw) ? [raw] : undefined;
  if (!Array.isArray(list)) {
    const found = hasApps ? `"apps" is ${describeValue(raw.apps)}` : `the file holds ${raw === null ? 'null' : typeof raw}`;
    throw new ConfigError(`${prefix}${found}; ${SHAPE}`, { location: { file } });
  }
  const extra = hasApps ? Object.keys(raw).filter((key) => key !== 'apps') : [];
  if (extra.length > 0) {
    throw new ConfigError(`${prefix}unknown top-level field "${extra[0]}" next to "apps"; ${SHAPE}`, {
      location: { file },
    });
  }
  if (list.length === 0) throw new ConfigError(`${prefix}"apps" is empty; add at least one app`, { location: { file } });
  return list;
}

/** Validates every app of a parsed config file; throws one ConfigError listing all problems. */
export function buildAppSpecs(raw: unknown, ctx: AppContext): AppSpec[] {
  const list = rawAppList(raw, ctx.file);
  const results = list.map((app, index) => validateApp(app, ctx, { index, requireName: list.length > 1 }));
  const problems: ConfigProblem[] = results.flatMap((r) => r.problems);
  problems.push(...duplicateNameProblems(results.map((r) => r.name), ctx.file));
  const specs = results.flatMap((r) => (r.spec === undefined ? [] : [r.spec]));
  for (const text of checkPortConflicts(specs)) problems.push({ field: 'port', message: problemPrefix(ctx.file) + text });
  if (problems.length > 0) throw problemsError(problems, ctx.file);
  return specs;
}

/** Validates one app (e.g. built from CLI flags) through the same rules as a config file. */
export function buildAppSpec(raw: Record<string, unknown>, ctx: AppContext): AppSpec {
  const result = validateApp(raw, ctx, { requireName: false });
  if (result.spec === undefined) throw problemsError(result.problems, ctx.file);
  return result.spec;
}

function duplicateNameProblems(names: ReadonlyArray<string | undefined>, file: string): ConfigProblem[] {
  const positions = new Map<string, number[]>();
  names.forEach((name, index) => {
    if (name !== undefined) positions.set(name, [...(positions.get(name) ?? []), index + 1]);
  });
  return [...positions]
    .filter(([, at]) => at.length > 1)
    .map(([name, at]) => {
      const prefix = problemPrefix(file, `app ${JSON.stringify(name)}`);
      const text = `"name" is used by ${at.length} apps (#${at.join(', #')}); app names must be unique`;
      return { app: name, field: 'name', message: prefix + text };
    });
}
