import fs from 'node:fs';

// A stat line is 52 numeric fields and a name of at most 16 bytes: well under 4 KiB.
const STAT_BUFFER = Buffer.alloc(4096);

/**
 * When `pid` started, in clock ticks since boot (/proc/<pid>/stat field 22), or null when there
 * is no such process. A pid plus its start time names one process even after the pid is reused.
 */
export function processStartTime(pid: number): number | null {
  let fd: number;
  try {
    fd = fs.openSync(`/proc/${pid}/stat`, 'r');
  } catch {
    return null;
  }
  // One read into a reused buffer: auto-save asks this for 50 new pids right after a start.
  try {
    return parseStartTime(STAT_BUFFER.toString('latin1', 0, fs.readSync(fd, STAT_BUFFER, 0, STAT_BUFFER.length, 0)));
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
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
