import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { liveGroupChecker } from '../../../src/supervisor/live-groups.js';
import { signalGroup } from '../../../src/supervisor/process-group.js';
import { waitFor } from '../../helpers/wait-for.js';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/** Runs `script` in sh as the leader of a new group; resolves with the first line it prints. */
async function shell(script: string): Promise<{ child: ChildProcess; line: number }> {
  const child = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (data: Buffer) => (out += data.toString()));
  const line = await waitFor(() => out.includes('\n') && Number(out.split('\n')[0]), { what: 'a pid from the shell' });
  return { child, line };
}

function stateOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.charAt(stat.lastIndexOf(')') + 2);
  } catch {
    return undefined;
  }
}

describe('liveGroupChecker', () => {
  it('sees a group whose leader is gone but whose grandchild runs', async () => {
    const { child, line: grandchild } = await shell('sleep 30 & echo $!');
    await waitFor(() => child.exitCode !== null, { what: 'the leader to exit' });
    expect(stateOf(grandchild)).not.toBe('Z');
    expect(liveGroupChecker()(child.pid!)).toBe(true);
    process.kill(-child.pid!, 'SIGKILL');
    await waitFor(() => !liveGroupChecker()(child.pid!), { what: 'the group to die' });
  });

  it('counts a group of only zombies as gone, although signals still reach it', async () => {
    // setsid makes the background job lead its own group; its parent execs sleep and never reaps it.
    const { line: leader } = await shell('setsid sleep 1 & echo $!; exec sleep 30');
    const alive = liveGroupChecker();
    expect(alive(leader)).toBe(true);
    await waitFor(() => stateOf(leader) === 'Z', { what: 'the leader to become a zombie' });
    expect(signalGroup(leader, 0)).toBe(true);
    expect(liveGroupChecker()(leader)).toBe(false);
  });

  it('says a group that does not exist is gone', async () => {
    const child = spawn('true', [], { detached: true, stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(liveGroupChecker()(child.pid!)).toBe(false);
  });
});
