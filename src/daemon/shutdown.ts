import type { SupervisorApi } from '../api/types.js';
import type { Supervisor } from '../supervisor/supervisor.js';
import { describeError, type DaemonLog } from './daemon-log.js';
import type { DaemonLock } from './lock.js';
import { markKilled } from './persistence/index.js';
import type { SocketServer } from './server.js';

export interface ShutdownParts {
  home: string;
  supervisor: Supervisor;
  api: SupervisorApi;
  server: SocketServer;
  lock: DaemonLock;
  stopAutoSave: () => void;
  log: DaemonLog;
}

/** Why the daemon stops: `kill` forgets the apps, a signal keeps them for the next daemon. */
export type ShutdownReason = 'kill' | NodeJS.Signals;

/** Stops every instance gracefully, then the daemon; a second request while stopping is ignored. */
export function createShutdown(parts: ShutdownParts): (reason: ShutdownReason) => Promise<void> {
  let stopping = false;
  return async (reason) => {
    if (stopping) return parts.log(`${reason} while stopping: already stopping`);
    stopping = true;
    parts.log(`stopping (${reason}): every instance, then the daemon`);
    const step = async (what: string, act: () => unknown): Promise<void> => {
      try {
        await act();
      } catch (error) {
        parts.log(`${what} failed while stopping: ${describeError(error)}`);
      }
    };
    // New clients find no socket and start a daemon that waits for this one's lock.
    await step('closing the socket', () => parts.server.stopListening());
    // Saved before the instances stop, so a signal (reboot) leaves them "running" for the next daemon.
    await step('the last save', parts.stopAutoSave);
    if (reason === 'kill') await step('marking the state killed', () => markKilled(parts.home));
    // Connected clients (a TUI) watch the instances stop; their connections close after.
    await step('stopping the instances', () => parts.supervisor.shutdown());
    await step('closing the API', () => parts.api.close());
    await step('closing the connections', () => parts.server.closeConnections());
    parts.lock.release();
    parts.log('stopped');
    process.exit(0);
  };
}
