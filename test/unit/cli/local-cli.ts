import { afterEach, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createLocalApi } from '../../../src/api/local-api.js';
import type { ServerInfo } from '../../../src/api/types.js';
import type { CliClient, Connect, ConnectOptions } from '../../../src/cli/command.js';
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import { createDaemonControl } from '../../../src/daemon/daemon-control.js';
import { Supervisor } from '../../../src/supervisor/supervisor.js';
import { isRunning } from '../../helpers/processes.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A string sink standing in for stdout/stderr. */
export function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * The CLI over an in-process Supervisor (createLocalApi) in a temp home: what the daemon would
 * serve, minus the socket. `interrupt()` plays Ctrl+C for `logs --follow`.
 */
export function localCli(options: { running?: boolean } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-cli-'));
  const sup = new Supervisor({ home, metricsIntervalMs: 0 });
  const api = createLocalApi(sup, { home, version: '0.0.0-test' });
  const closeListeners = new Set<(error: Error | undefined) => void>();
  // A pid that has exited, so `kill` sees the "daemon" gone at once.
  const server: ServerInfo = { version: '0.0.0-test', pid: spawnSync('true').pid ?? 0, startedAt: Date.now(), home };
  const control = createDaemonControl(sup, home, () => {
    for (const listener of closeListeners) listener(undefined);
  });
  const client: CliClient = {
    ...api,
    ...control,
    server,
    ping: async () => ({ rttMs: 0.25, server }),
    onClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: async () => undefined,
  };
  const connects: ConnectOptions[] = [];
  const running = options.running ?? true;
  const connect: Connect = async (connectOptions = {}) => {
    connects.push(connectOptions);
    if (!running && connectOptions.autoStart === false) throw Object.assign(new Error('no daemon'), { name: 'DaemonNotRunningError' });
    return client;
  };
  let interrupt: (signal: NodeJS.Signals) => void = () => undefined;
  const pids = new Set<number>();
  sup.store.subscribe((s) => {
    for (const app of Object.values(s.apps)) for (const i of app.instances) if (i.pid !== undefined) pids.add(i.pid);
  });

  return {
    home,
    sup,
    client,
    connects,
    /** Runs `pmdaemon <argv>` in `cwd` (default: test/fixtures). */
    run(argv: string[], cwd = FIXTURES): Promise<CliRun> {
      return this.launch(argv, cwd).done;
    },
    /** Like run, with the output readable while the command still runs. */
    launch(argv: string[], cwd = FIXTURES): { done: Promise<CliRun>; stdout: () => string } {
      const out = sink();
      const err = sink();
      const io: CliIo = {
        stdout: out.stream,
        stderr: err.stream,
        env: { ...process.env, PMDAEMON_HOME: home },
        cwd,
        untilInterrupted: () => new Promise((resolve) => (interrupt = resolve)),
      };
      const done = main(argv, io, connect).then((code) => ({ code, stdout: out.text(), stderr: err.text() }));
      return { done, stdout: out.text };
    },
    interrupt: (signal: NodeJS.Signals = 'SIGINT') => interrupt(signal),
    /** Stops everything, checks no process survived, removes the home. */
    async cleanup(): Promise<number[]> {
      await sup.shutdown();
      const survivors = [...pids].filter(isRunning);
      for (const pid of survivors) process.kill(pid, 'SIGKILL');
      fs.rmSync(home, { recursive: true, force: true });
      return survivors;
    },
  };
}

/**
 * A `cli()` factory for a test file: every CLI it makes is cleaned up after each test, and a
 * process any of them left running fails that test.
 */
export function trackedLocalClis(): (options?: Parameters<typeof localCli>[0]) => ReturnType<typeof localCli> {
  const clis: Array<ReturnType<typeof localCli>> = [];
  afterEach(async () => {
    const survivors = (await Promise.all(clis.splice(0).map((c) => c.cleanup()))).flat();
    expect(survivors, 'processes left running').toEqual([]);
  });
  return (options) => {
    const c = localCli(options);
    clis.push(c);
    return c;
  };
}
