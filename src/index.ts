export { connect, type ConnectOptions, type DaemonConnection } from './client/index.js';
export { ClientClosedError, DaemonGoneError, DaemonNotRunningError, DaemonStartError, VersionMismatchError } from './client/index.js';
export type {
  AppStats,
  DaemonClient,
  DaemonControl,
  InstanceInfo,
  LogLine,
  LogQuery,
  LogStreamName,
  ProcessRow,
  RestartOptions,
  RollingProgress,
  ServerInfo,
  SubscribeOptions,
  SupervisorApi,
  SupervisorEvent,
  Target,
  WireApp,
  WireInstance,
  WireState,
} from './api/types.js';
export type { AppSpec } from './config/spec.js';
