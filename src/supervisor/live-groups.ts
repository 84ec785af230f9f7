import fs from 'node:fs';

/** State (field 3) and process group (field 5) of a /proc/<pid>/stat line. */
function stateAndGroup(stat: string): { state: string; pgrp: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
}

function readStat(pid: string | number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
}

/** Every process group with at least one member that is not a zombie, from one scan of /proc. */
export function liveProcessGroups(): Set<number> {
  const groups = new Set<number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (!stat) continue;
    const { state, pgrp } = stateAndGroup(stat);
    if (state !== 'Z') groups.add(pgrp);
  }
  return groups;
}

/**
 * A check of whether a process group still has live members. Zombies do not count: they hold no
 * port or file, and an init that reaps slowly (one PID 1 here took 1.4 s) must not stretch every
 * stop. Cheap answers first (kill 0, the leader's own stat); the /proc scan is shared by all
 * checks made within `scanTtlMs`.
 */
export function liveGroupChecker(now: () => number = Date.now, scanTtlMs = 15): (pgid: number) => boolean {
  let scannedAt = -Infinity;
  let live = new Set<number>();
  return (pgid) => {
    if (!anyMember(pgid)) return false;
    const leader = readStat(pgid);
    if (leader) {
      const { state, pgrp } = stateAndGroup(leader);
      if (state !== 'Z' && pgrp === pgid) return true;
    }
    if (now() - scannedAt > scanTtlMs) {
      live = liveProcessGroups();
      scannedAt = now();
    }
    return live.has(pgid);
  };
}

/** kill(-pgid, 0): true while any process, zombies included, is in the group. */
function anyMember(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
