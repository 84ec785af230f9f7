import { ConfigError } from '../../config/errors.js';
import { checkPortConflicts } from '../../config/validate-ports.js';
import type { Supervisor } from '../../supervisor/supervisor.js';
import { NoDumpError } from './errors.js';
import type { PersistedApp, PersistedFile } from './format.js';
import { findOrphans, stopOrphans } from './orphans.js';
import { dumpPath, readOrSetAside, readPersisted, removeStaleTemps, statePath, warnOnStderr, type Warn } from './state-file.js';

/**
 * Brings back what the previous daemon of `home` ran, unless it was stopped by `pmdaemon kill`:
 * its orphans are stopped first (never two copies of an instance), then every app is restored
 * with its ports and desired states. Resolves once each instance meant to run is online or failed.
 */
export async function restoreOnStart(supervisor: Supervisor, home: string, warn: Warn = warnOnStderr): Promise<void> {
  const file = statePath(home);
  removeStaleTemps(file);
  const saved = readOrSetAside(file, warn);
  if (!saved || saved.killed) return;
  await stopOrphans(findOrphans(saved), warn);
  await Promise.all(
    saved.apps.map((app) =>
      restoreApp(supervisor, app).catch((error: Error) => warn(`could not restore app "${app.spec.name}": ${error.message}`)),
    ),
  );
}

/** Adds and starts the apps of dump.json that `supervisor` does not have, on their saved ports; returns their names. */
export async function resurrectDump(supervisor: Supervisor, home: string, warn: Warn = warnOnStderr): Promise<string[]> {
  const file = dumpPath(home);
  const dump = readPersisted(file);
  if (!dump) throw new NoDumpError(file);
  const known = supervisor.store.getState().apps;
  const fresh = dump.apps.filter((app) => !known[app.spec.name]);
  const conflicts = checkPortConflicts(fresh.map((app) => app.spec), Object.values(known).map((app) => app.spec));
  if (conflicts.length > 0) throw new ConfigError(`cannot resurrect ${file}: ${conflicts.join('; ')}`, { field: 'port' });
  await stopOrphans(findOrphans(onlyApps(dump, fresh)), warn);
  await Promise.all(fresh.map((app) => restoreApp(supervisor, app)));
  return fresh.map((app) => app.spec.name);
}

function restoreApp(supervisor: Supervisor, app: PersistedApp): Promise<void> {
  return supervisor.restoreApp(app.spec, { ports: app.ports, desired: app.instances.map((i) => i.desired) });
}

function onlyApps(file: PersistedFile, apps: PersistedApp[]): PersistedFile {
  return { ...file, apps };
}
