import { afterEach, describe, expect, it } from 'vitest';
import { packageVersion } from '../../../src/cli/commands/version.js';
import { connectTo, killDaemons, newHome } from './support.js';

afterEach(killDaemons);

describe('the version handshake', () => {
  it('refuses a daemon of another version with a message saying how to replace it', async () => {
    const home = newHome();
    const daemon = await connectTo(home);
    const version = packageVersion();
    await expect(connectTo(home, { version: '9.9.9' })).rejects.toMatchObject({
      name: 'VersionMismatchError',
      daemonVersion: version,
      clientVersion: '9.9.9',
      message: `the running daemon is pmdaemon ${version}, this CLI is 9.9.9; run \`pmdaemon update\` to replace it (apps come back on their ports)`,
    });
    // The daemon was reused, not replaced.
    expect((await daemon.ping()).server.pid).toBe(daemon.server.pid);
  });

  it('talks to a daemon of another version when asked to (update, kill)', async () => {
    const home = newHome();
    const daemon = await connectTo(home);
    const other = await connectTo(home, { version: '9.9.9', allowVersionMismatch: true });
    expect(other.server).toMatchObject({ version: packageVersion(), pid: daemon.server.pid });
    expect(await other.listProcesses()).toEqual([]);
  });
});
