import { invalidValue, type FieldProblem } from './problems.js';
import { isRecord } from './values.js';

const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads `env`: string, number and boolean values become strings; every bad entry is recorded. */
export function parseEnv(value: unknown, problems: FieldProblem[]): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    const allowed = 'use an object like { "NODE_ENV": "production" }';
    problems.push({ field: 'env', text: invalidValue('env', value, allowed).message });
    return {};
  }
  const env: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    // The kernel splits "A=B=C" at the first "="; such a key could never be read back.
    if (key === '' || key.includes('=') || key.includes('\0')) {
      const text = `"env" has the variable name ${JSON.stringify(key)}; a name cannot be empty or contain "="`;
      problems.push({ field: 'env', text });
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      env[key] = String(v);
    } else {
      problems.push({ field: 'env', text: invalidValue(`env.${key}`, v, 'use a string, number or boolean').message });
    }
  }
  return env;
}

/** Reads `instance_var`: the name of an extra variable that receives the instance id. */
export function parseInstanceVar(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ENV_NAME_RE.test(value)) {
    const allowed = 'use an environment variable name like "INSTANCE_ID" (letters, digits, "_")';
    throw invalidValue('instance_var', value, allowed);
  }
  return value;
}
