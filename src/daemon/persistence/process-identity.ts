import fs from 'node:fs';

/**
 * When `pid` started, in clock ticks since boot (/proc/<pid>/stat field 22), or null when there
 * is no such process. A pid plus its start time names one process even after the pid is reused.
 */
export function processStartTime(pid: number): number | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return null;
  }
  return parseStartTime(stat);
}

/** Field 22 of a /proc/<pid>/stat line; the command name (field 2) may hold spaces and parentheses. */
export function parseStartTime(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 22 is fields[19].
  const value = Number(fields[19]);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** This boot's id; undefined where the kernel does not expose it. */
export function currentBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
