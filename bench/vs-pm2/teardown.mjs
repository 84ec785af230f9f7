// Leaves nothing behind: the tool's own kill first, then SIGKILL for whatever still carries its home.
import fs from 'node:fs';
import { delay, isAlive, pidsWithEnv } from './proc.mjs';

/** Kills a tool's daemon and instances (gracefully, then by force) and removes its home; never throws. */
export async function teardown({ kill, daemonPid, envEntry, home }) {
  const problems = [];
  try {
    await kill();
  } catch (error) {
    problems.push(`kill command failed: ${error.message}`);
  }
  // Daemon and instances inherit the home variable, so it names exactly this run's processes.
  const deadline = Date.now() + 5000;
  let left = pidsWithEnv(envEntry).filter(isAlive);
  while (left.length > 0 && Date.now() < deadline) {
    await delay(50);
    left = pidsWithEnv(envEntry).filter(isAlive);
  }
  if (daemonPid !== undefined && isAlive(daemonPid) && !left.includes(daemonPid)) left.push(daemonPid);
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  if (left.length > 0) problems.push(`SIGKILLed ${left.length} leftover process(es)`);
  fs.rmSync(home, { recursive: true, force: true });
  return problems;
}
