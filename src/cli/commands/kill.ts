import { JSON_FLAG, type CliClient, type CommandSpec } from '../command.js';
import { hasSwitch } from '../flags.js';
import { writeJson } from '../io.js';
import { runningDaemon } from './show-version.js';

export const kill: CommandSpec = {
  usage: 'kill',
  flags: [JSON_FLAG],
  details: 'Stops every instance gracefully, then the daemon; the next daemon starts with no apps\n(use "pmdaemon save" first to keep them for "pmdaemon resurrect").\n--json prints { killed: { pid, version } | null }.\n\nexample:\n  pmdaemon kill',
  async run(args, { io, connect }) {
    const client = await runningDaemon(connect);
    const killed = client ? await killDaemon(client) : null;
    if (hasSwitch(args, 'json')) writeJson(io, { killed });
    else io.stdout.write(killed ? `daemon ${killed.version} (pid ${killed.pid}) stopped, with every instance\n` : 'no daemon is running\n');
    return 0;
  },
};

/** Asks the daemon to stop and resolves once its connection closed and its process is gone. */
export async function killDaemon(client: CliClient): Promise<{ pid: number; version: string }> {
  const { pid, version } = client.server;
  const closed = new Promise<void>((resolve) => client.onClose(() => resolve()));
  await client.kill();
  await closed;
  await waitUntilGone(pid, 5000);
  return { pid, version };
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
