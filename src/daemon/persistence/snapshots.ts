import type { Supervisor } from '../../supervisor/supervisor.js';
import { writeFileAtomicSync } from './atomic-write.js';
import { stopAutoSaveOf } from './auto-save.js';
import { FORMAT, serializeFile } from './format.js';
import { currentBootId, processStartTime } from './process-identity.js';
import { projectState } from './projection.js';
import { dumpPath, readOrSetAside, statePath, warnOnStderr } from './state-file.js';

/** Writes every app of `supervisor` to `$home/dump.json` (state.json's format, atomically). */
export function saveDump(supervisor: Supervisor, home: string): { file: string; apps: string[] } {
  const file = dumpPath(home);
  const state = supervisor.store.getState();
  const projection = projectState(state, { now: Date.now(), bootId: currentBootId(), pidStart: processStartTime });
  writeFileAtomicSync(file, serializeFile(projection));
  return { file, apps: Object.keys(state.apps) };
}

/**
 * Marks state.json so the next daemon starts empty (`pmdaemon kill`). Stops this home's
 * auto-save first, so no later write can clear the mark.
 */
export function markKilled(home: string): void {
  stopAutoSaveOf(home);
  const file = statePath(home);
  const saved = readOrSetAside(file, warnOnStderr) ?? { format: FORMAT, savedAt: Date.now(), killed: false, apps: [] };
  writeFileAtomicSync(file, serializeFile({ ...saved, killed: true, savedAt: Date.now() }));
}
