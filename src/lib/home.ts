import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** $PMDAEMON_HOME, or ~/.pmdaemon; created with mode 0700 (design §2). */
export function pmdaemonHome(env: NodeJS.ProcessEnv): string {
  const home = env.PMDAEMON_HOME ? path.resolve(env.PMDAEMON_HOME) : path.join(os.homedir(), '.pmdaemon');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  return home;
}
