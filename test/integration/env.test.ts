import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePortRange } from '../helpers/free-port-range.js';
import { waitFor } from '../helpers/wait-for.js';
import { FIXTURES, fixtureSpec, startSupervisor, stopSupervisors, tempDir } from './support.js';

afterEach(stopSupervisors);

interface Dump {
  env: Record<string, string>;
  argv: string[];
  pid: number;
}

/** What env-dump.mjs wrote for one instance, once it has written it. */
function readDump(dir: string, id: number): Promise<Dump> {
  const file = path.join(dir, `${id}.json`);
  return waitFor(() => fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as Dump), { what: `${file}` });
}

describe('environment of each real instance', () => {
  it('hands every instance its own ids, port, app name, interpolated env and args, the base env and its cwd', async () => {
    const dumps = tempDir();
    const workDir = tempDir();
    const from = await freePortRange(2);
    const { sup } = startSupervisor({ baseEnv: { ...process.env, FROM_BASE: 'x', OVERRIDDEN: 'base' } });
    await sup.addApp(
      fixtureSpec({
        name: 'dump',
        script: path.join(FIXTURES, 'env-dump.mjs'),
        cwd: workDir,
        instances: 2,
        port: `${from}-${from + 1}`,
        instance_var: 'WORKER_ID',
        env: {
          DUMP_DIR: dumps,
          OVERRIDDEN: 'spec',
          SELF_URL: 'http://127.0.0.1:${PORT}/i/${INSTANCE_ID}',
          LEFT_ALONE: '${HOME}',
        },
        args: ['--port', '${PORT}', '--name=w${INSTANCE_ID}'],
      }),
    );

    for (const id of [0, 1]) {
      const { env, argv, pid } = await readDump(dumps, id);
      const port = String(from + id);
      expect(env).toMatchObject({
        PORT: port,
        NODE_APP_INSTANCE: String(id),
        PM2_INSTANCE_ID: String(id),
        WORKER_ID: String(id),
        PMDAEMON_APP: 'dump',
        SELF_URL: `http://127.0.0.1:${port}/i/${id}`,
        LEFT_ALONE: '${HOME}',
        FROM_BASE: 'x',
        OVERRIDDEN: 'spec',
      });
      expect(argv).toEqual(['--port', port, `--name=w${id}`]);
      expect(pid).toBe(sup.store.getState().apps.dump?.instances[id]?.pid);
      expect(fs.readlinkSync(`/proc/${pid}/cwd`)).toBe(fs.realpathSync(workDir));
    }
  });

  it('runs an app without cwd in its config file\'s directory and sets no PORT when it has no port', async () => {
    const dumps = tempDir();
    const { PORT: _unused, ...baseEnv } = process.env;
    const { sup } = startSupervisor({ baseEnv });
    await sup.addApp(fixtureSpec({ name: 'noport', script: 'env-dump.mjs', env: { DUMP_DIR: dumps } }));

    const { env, pid } = await readDump(dumps, 0);
    expect(env.PORT).toBeUndefined();
    expect(env.PMDAEMON_APP).toBe('noport');
    expect(fs.readlinkSync(`/proc/${pid}/cwd`)).toBe(fs.realpathSync(FIXTURES));
  });
});
