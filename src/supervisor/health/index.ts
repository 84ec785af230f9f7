export { nextHealth, type HealthState, type HealthStatus } from './next-health.js';
export { probeHttp } from './probe-http.js';
export { probeScript, type ScriptProbeOptions } from './probe-script.js';
export { probeTcp } from './probe-tcp.js';
export type { ProbeResult } from './probe-result.js';
