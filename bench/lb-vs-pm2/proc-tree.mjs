// Children and process-group members from one scan of /proc (ported from test/helpers/proc-children.ts).
import fs from 'node:fs';

function liveStats() {
  const stats = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'latin1');
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') stats.push({ pid: Number(entry), ppid: Number(ppid), pgrp: Number(pgrp) });
    } catch {
      // Exited between readdir and read.
    }
  }
  return stats;
}

/** Pids of the live (non-zombie) children of `ppid`. */
export const liveChildren = (ppid) => liveStats().filter((s) => s.ppid === ppid).map((s) => s.pid);

/** Pids of the live (non-zombie) members of process group `pgid`. */
export const liveGroupMembers = (pgid) => liveStats().filter((s) => s.pgrp === pgid).map((s) => s.pid);
