export { loadConfigFile, selectApps, type LoadConfigOptions } from './load-config.js';
export { parseConfigText } from './parse.js';
export { buildAppSpec, buildAppSpecs } from './build-specs.js';
export type { AppContext } from './validate-app.js';
export { checkPortConflicts, checkPortFits, formatPort, parsePort } from './validate-ports.js';
export { HEALTH_CHECK_FIELDS, KNOWN_FIELDS, suggestField } from './fields.js';
export { parseDuration, parseSize, type DurationUnit } from './durations.js';
export { ConfigError, type ConfigProblem, type SourceLocation } from './errors.js';
export {
  SPEC_DEFAULTS,
  type AppSpec,
  type HealthCheckSpec,
  type HealthCheckType,
  type InstancesSetting,
  type PortSpec,
} from './spec.js';
