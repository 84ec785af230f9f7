import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalApi } from '../../../../src/api/local-api.js';
import type { CliClient } from '../../../../src/cli/command.js';
import { topology } from '../../../../src/cli/commands/topology.js';
import { parseFlags } from '../../../../src/cli/flags.js';
import { Supervisor } from '../../../../src/supervisor/supervisor.js';
import type { TopologyModel } from '../../../../src/tui/topology/build-topology.js';
import { freePortRange } from '../../../helpers/free-port-range.js';
import { makeSpec } from '../../../helpers/make-spec.js';
import { waitFor } from '../../../helpers/wait-for.js';
import { fakeContext } from './fake-cli.js';

const SERVER = "require('net').createServer(() => {}).listen(Number(process.env.PORT), '127.0.0.1'); setInterval(() => {}, 1e6)";
// Connects to the port of DB_URL and holds the connection, retrying until the server listens.
const CLIENT = `
const port = Number(new URL(process.env.DB_URL).port);
const open = () => require('net').connect(port, '127.0.0.1').on('error', () => setTimeout(open, 50));
open();
setInterval(() => {}, 1e6);`;

describe('pmdaemon topology against running instances', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('finds the env edge and the live tcp connections between two apps', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
    const sup = new Supervisor({ home, metricsIntervalMs: 0 });
    cleanup = async () => {
      await sup.shutdown();
      fs.rmSync(home, { recursive: true, force: true });
    };
    const port = await freePortRange(1);
    await sup.addApp(makeSpec({ name: 'db', script: process.execPath, args: ['-e', SERVER], port: { kind: 'single', port } }));
    await sup.addApp(makeSpec({ name: 'api', script: process.execPath, args: ['-e', CLIENT], instances: 2, env: { DB_URL: `http://127.0.0.1:${port}/` } }));
    const api = createLocalApi(sup, { home, version: '0.0.0-test' });
    const model = await waitFor(
      async () => {
        const fake = fakeContext({});
        await topology.run(parseFlags(['all', '--json'], topology.flags, 'topology'), { io: fake.ctx.io, connect: async () => api as unknown as CliClient });
        const m = JSON.parse(fake.output()) as TopologyModel;
        return m.edges.some((e) => e.via === 'tcp' && e.connections === 2) && m;
      },
      { what: 'both api instances connected to db' },
    );
    expect(model.edges).toEqual([
      { from: 'api', to: 'db', via: 'env', detail: 'env DB_URL', envKeys: ['DB_URL'] },
      { from: 'api', to: 'db', via: 'tcp', detail: 'tcp, 2 connections', connections: 2 },
    ]);
    expect(model.rows.find((r) => r.kind === 'port')).toMatchObject({ app: 'db', port });
  });
});
