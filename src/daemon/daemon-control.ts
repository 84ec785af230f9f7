import type { DaemonControl } from '../api/types.js';
import type { Supervisor } from '../supervisor/supervisor.js';
import { resurrectDump, saveDump } from './persistence/index.js';

/** save/resurrect over the persistence hooks; kill answers first and asks for the shutdown just after. */
export function createDaemonControl(supervisor: Supervisor, home: string, requestKill: () => void): DaemonControl {
  return {
    save: async () => saveDump(supervisor, home),
    resurrect: () => resurrectDump(supervisor, home),
    kill: async () => {
      // setImmediate: the response is written (in a microtask) before anything stops.
      setImmediate(requestKill);
    },
  };
}
