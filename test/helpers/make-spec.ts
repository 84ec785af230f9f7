import { SPEC_DEFAULTS, type AppSpec } from '../../src/config/spec.js';

/** A complete, valid AppSpec with the documented defaults; `overrides` replace any field. */
export function makeSpec(overrides: Partial<AppSpec> = {}): AppSpec {
  const instances = overrides.instances ?? 1;
  return {
    name: 'web',
    script: 'server.js',
    args: [],
    interpreter: undefined,
    shell: false,
    cwd: process.cwd(),
    instancesSetting: instances,
    instances,
    execMode: 'fork',
    port: { kind: 'none' },
    env: {},
    instanceVar: undefined,
    mergeLogs: false,
    autorestart: SPEC_DEFAULTS.autorestart,
    maxRestarts: SPEC_DEFAULTS.maxRestarts,
    minUptimeMs: SPEC_DEFAULTS.minUptimeMs,
    restartDelayMs: SPEC_DEFAULTS.restartDelayMs,
    expBackoffRestartDelayMs: SPEC_DEFAULTS.expBackoffRestartDelayMs,
    killTimeoutMs: SPEC_DEFAULTS.killTimeoutMs,
    killSignal: SPEC_DEFAULTS.killSignal,
    maxMemoryBytes: undefined,
    cpuAffinity: undefined,
    namespace: SPEC_DEFAULTS.namespace,
    healthCheck: undefined,
    logMaxBytes: SPEC_DEFAULTS.logMaxBytes,
    logRetain: SPEC_DEFAULTS.logRetain,
    ...overrides,
  };
}
