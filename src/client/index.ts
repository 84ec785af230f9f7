export { connect, type ConnectOptions } from './connect.js';
export type { DaemonConnection } from './daemon-client.js';
export { ClientClosedError, DaemonGoneError, DaemonNotRunningError, DaemonStartError, VersionMismatchError } from './errors.js';
