import { describeError, type DaemonLog } from './daemon-log.js';

/** Logs what would otherwise kill the daemon and keeps it supervising: its apps outlive a bug in it. */
export function logUncaughtErrors(log: DaemonLog): void {
  process.on('uncaughtException', (error) => log(`uncaught exception: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${describeError(reason)}`));
}
