export { startAutoSave } from './auto-save.js';
export { CorruptStateError, NoDumpError } from './errors.js';
export { restoreOnStart, resurrectDump } from './restore.js';
export { markKilled, saveDump } from './snapshots.js';
export { defaultUnitName, installUnit, systemdUnit, UnitInstallError, type UnitOptions } from './systemd-unit.js';
