import fs from 'node:fs';

interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  pgrp: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), state: fields[0] ?? '', ppid: Number(fields[1]), pgrp: Number(fields[2]) };
  } catch {
    return undefined; // exited between readdir and read
  }
}

function liveStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat && stat.state !== 'Z') stats.push(stat);
  }
  return stats;
}

/** Pids of the live (non-zombie) children of `ppid`, from one scan of /proc. */
export function liveChildren(ppid: number): number[] {
  return liveStats()
    .filter((s) => s.ppid === ppid)
    .map((s) => s.pid);
}

/** Pids of the live (non-zombie) members of process group `pgid`. */
export function liveGroupMembers(pgid: number): number[] {
  return liveStats()
    .filter((s) => s.pgrp === pgid)
    .map((s) => s.pid);
}
