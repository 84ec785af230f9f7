import type { Method } from './methods.js';

type Check = (value: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (check: Check): Check => (v) => (v === undefined || v === null ? undefined : check(v));
const instanceOk = (v: unknown): boolean => v === undefined || v === null || (Number.isInteger(v) && (v as number) >= 0);

const appName: Check = (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'an app name (string)');
const count: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'a number');
const object: Check = (v) => (isObject(v) ? undefined : 'an object');
const target: Check = (v) =>
  isObject(v) && typeof v.app === 'string' && instanceOk(v.instance) ? undefined : 'a target {app, instance?}';
const specs: Check = (v) =>
  Array.isArray(v) && v.every((s) => isObject(s) && typeof s.name === 'string' && typeof s.script === 'string')
    ? undefined
    : 'an array of app specs';
const logQuery: Check = (v) =>
  isObject(v) && typeof v.app === 'string' && instanceOk(v.instance) && (v.lines === undefined || Number.isInteger(v.lines))
    ? undefined
    : 'a log query {app, instance?, lines?, stream?}';
const hello: Check = (v) => (isObject(v) && typeof v.version === 'string' ? undefined : 'a hello {version}');
const subscription: Check = (v) => (Number.isInteger(v) ? undefined : 'a subscription number');

/** The arguments each method expects, in order. */
const SIGNATURES: Record<Method, readonly Check[]> = {
  hello: [hello],
  ping: [],
  subscribe: [optional(object)],
  unsubscribe: [subscription],
  info: [],
  listProcesses: [],
  start: [specs],
  startApps: [target],
  stop: [target],
  restart: [target, optional(object)],
  abortRolling: [appName],
  reload: [appName, optional(object)],
  autoscale: [appName, optional(object)],
  delete: [target],
  scale: [appName, count, optional(object)],
  describe: [target],
  stats: [appName],
  logs: [logQuery],
  save: [],
  resurrect: [],
  kill: [],
};

/** Why `params` cannot be passed to `method`, or undefined when their shapes fit (pure). */
export function checkParams(method: Method, params: readonly unknown[]): string | undefined {
  const signature = SIGNATURES[method];
  if (params.length > signature.length) return `${method} takes at most ${signature.length} argument(s), got ${params.length}`;
  for (const [index, check] of signature.entries()) {
    const problem = check(params[index]);
    if (problem) return `argument ${index + 1} of ${method} must be ${problem}`;
  }
  return undefined;
}
