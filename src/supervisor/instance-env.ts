import type { AppSpec } from '../config/spec.js';

export interface InstanceVars {
  id: number;
  port: number | undefined;
}

/** Replaces `${PORT}` and `${INSTANCE_ID}`; other `${...}` are left for the program. */
export function interpolate(text: string, vars: InstanceVars): string {
  return text.replace(/\$\{(PORT|INSTANCE_ID)\}/g, (_, name: string) =>
    name === 'PORT' ? (vars.port === undefined ? '' : String(vars.port)) : String(vars.id),
  );
}

/** The environment one instance sees (design §3): base, then spec env, then pmdaemon's own. */
export function buildInstanceEnv(
  base: NodeJS.ProcessEnv,
  spec: Pick<AppSpec, 'name' | 'env' | 'instanceVar'>,
  vars: InstanceVars,
): Record<string, string> {
  // Spread, then drop undefined: a few times faster than copying entry by entry (50 instances per start).
  const env = { ...base } as Record<string, string>;
  for (const key in env) if (env[key] === undefined) delete env[key];
  for (const [key, value] of Object.entries(spec.env)) env[key] = interpolate(value, vars);
  const id = String(vars.id);
  env.PM2_INSTANCE_ID = id;
  env.NODE_APP_INSTANCE = id;
  if (spec.instanceVar) env[spec.instanceVar] = id;
  if (vars.port !== undefined) env.PORT = String(vars.port);
  env.PMDAEMON_APP = spec.name;
  return env;
}
