import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processSpawner, type SpawnedProcess, type Spawner } from '../../../src/supervisor/spawner.js';
import { Supervisor } from '../../../src/supervisor/supervisor.js';
import type { InstanceState } from '../../../src/supervisor/types.js';
import { isRunning } from '../../helpers/processes.js';

/**
 * A spawner whose daemon can "die" like one killed with SIGKILL while its children run on: exits
 * are no longer reported, the children's pipes close, and nothing more is spawned.
 */
export function mortalSpawner(): { spawner: Spawner; die: () => void } {
  let dead = false;
  const spawned: SpawnedProcess[] = [];
  const never = new Promise<never>(() => undefined);
  return {
    spawner: {
      async spawn(request) {
        if (dead) throw new Error('the daemon is dead');
        const proc = await processSpawner.spawn(request);
        spawned.push(proc);
        return { ...proc, exited: proc.exited.then((exit) => (dead ? never : exit)) };
      },
    },
    die() {
      dead = true;
      for (const proc of spawned) {
        proc.stdout.destroy();
        proc.stderr.destroy();
      }
    },
  };
}

/** Supervisors sharing one home, every pid they ever ran remembered so `cleanup` leaves nothing behind. */
export function persistenceWorld(): {
  home: string;
  supervisor: (spawner?: Spawner) => Supervisor;
  pids: Set<number>;
  cleanup: () => number[];
} {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  const pids = new Set<number>();
  const alive: Supervisor[] = [];
  return {
    home,
    pids,
    supervisor(spawner) {
      const sup = new Supervisor({ home, metricsIntervalMs: 0, ...(spawner ? { spawner } : {}) });
      sup.store.subscribe((state) => {
        for (const app of Object.values(state.apps)) for (const i of app.instances) if (i.pid !== undefined) pids.add(i.pid);
      });
      alive.push(sup);
      return sup;
    },
    /** Kills every process group ever seen and removes the home; returns the pids that were still running. */
    cleanup() {
      const survivors = [...pids].filter(isRunning);
      for (const pid of pids) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      for (const sup of alive.splice(0)) sup.logs.closeAll();
      fs.rmSync(home, { recursive: true, force: true });
      return survivors;
    },
  };
}

/** The instances of `app` in `sup` right now. */
export function instancesOf(sup: Supervisor, app: string): readonly InstanceState[] {
  return sup.store.getState().apps[app]?.instances ?? [];
}
