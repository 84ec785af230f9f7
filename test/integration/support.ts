import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { buildAppSpec } from '../../src/config/index.js';
import type { AppSpec } from '../../src/config/spec.js';
import { Supervisor, type SupervisorOptions } from '../../src/supervisor/supervisor.js';
import type { InstanceState } from '../../src/supervisor/types.js';
import { isPortFree } from '../../src/lib/port-probe.js';
import { isRunning, processGroups } from '../helpers/processes.js';
import { tempHome } from '../helpers/temp-home.js';
import { waitFor, type WaitOptions } from '../helpers/wait-for.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** An AppSpec through the real validator, with relative scripts resolved against test/fixtures. */
export function fixtureSpec(raw: Record<string, unknown>): AppSpec {
  return buildAppSpec(raw, { file: '', baseDir: FIXTURES, cpus: os.availableParallelism() });
}

/** A temp dir removed by `stopSupervisors`. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Running {
  sup: Supervisor;
  home: string;
  pids: Set<number>;
}

const running: Running[] = [];
const cleanups: Array<() => void> = [];
const foreign = processGroups();
/** Pids started outside the supervisor's view (grandchildren) that must also be gone after shutdown. */
const extraPids = new Set<number>();

/** A real Supervisor in a fresh home; every pid it ever shows is remembered for `stopSupervisors`. */
export function startSupervisor(options: Partial<SupervisorOptions> = {}): Running {
  const home = tempHome();
  cleanups.push(home.cleanup);
  const sup = new Supervisor({ metricsIntervalMs: 0, ...options, home: home.dir });
  const pids = new Set<number>();
  sup.store.subscribe((state) => {
    for (const app of Object.values(state.apps)) for (const i of app.instances) if (i.pid !== undefined) pids.add(i.pid);
  });
  const entry = { sup, home: home.dir, pids };
  running.push(entry);
  return entry;
}

/** Makes `stopSupervisors` also check that `pid` is gone. */
export function trackPid(pid: number): void {
  extraPids.add(pid);
}

/** For afterEach: shuts every supervisor down and asserts that none of the processes it ran survived. */
export async function stopSupervisors(): Promise<void> {
  const all = running.splice(0);
  const pids = (): number[] => [...all.flatMap((r) => [...r.pids]), ...extraPids];
  let survivors: number[] = [];
  try {
    await Promise.all(all.map((r) => r.sup.shutdown()));
    survivors = pids().filter(isRunning);
  } finally {
    // Whatever went wrong, leave nothing running behind.
    for (const pid of pids().filter(isRunning)) killQuietly(pid);
    extraPids.clear();
    foreign.killAll();
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  }
  expect(survivors, 'processes still running after shutdown').toEqual([]);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
}

/** The instances of `app` right now. */
export function instancesOf(sup: Supervisor, app: string): readonly InstanceState[] {
  return sup.store.getState().apps[app]?.instances ?? [];
}

/** One instance right now; throws when it does not exist, so tests read it without `!`. */
export function instanceOf(sup: Supervisor, app: string, id: number): InstanceState {
  const instance = instancesOf(sup, app)[id];
  if (!instance) throw new Error(`no instance ${app}-${id}`);
  return instance;
}

/** Waits until `check` holds for instance `app-id`, and returns that state. */
export function waitForInstance(
  sup: Supervisor,
  app: string,
  id: number,
  check: (i: InstanceState) => boolean,
  options: WaitOptions = {},
): Promise<InstanceState> {
  const what = options.what ?? `${app}-${id} to reach the expected state`;
  return waitFor(() => {
    const i = instancesOf(sup, app)[id];
    return i && check(i) ? i : undefined;
  }, { timeoutMs: 10_000, ...options, what });
}

/** The pid of a running instance; fails the test when it has none. */
export function pidOf(sup: Supervisor, app: string, id: number): number {
  const { pid } = instanceOf(sup, app, id);
  if (pid === undefined) throw new Error(`${app}-${id} has no pid (status ${instanceOf(sup, app, id).status})`);
  return pid;
}

/** GETs `http://127.0.0.1:<port><path>` and resolves with the status and body. */
export function httpGet(port: number, urlPath = '/'): Promise<{ status: number; body: string }> {
  // agent: false, so no kept-alive socket delays the server's graceful close.
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent: false, timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET :${port}${urlPath} timed out`)));
    req.on('error', reject);
  });
}

/** A process that is not pmdaemon's listening on 127.0.0.1:`port`; `close` kills it and waits for the port to be free. */
export async function listenForeign(port: number): Promise<{ pid: number; close: () => Promise<void> }> {
  const child = foreign.start(process.execPath, ['-e', `require('net').createServer().listen(${port}, '127.0.0.1')`]);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the foreign listener');
  await waitFor(async () => !(await isPortFree(port)), { what: `a foreign listener on port ${port}` });
  return {
    pid,
    close: async () => {
      process.kill(-pid, 'SIGKILL');
      await waitFor(() => isPortFree(port), { what: `port ${port} to be free again` });
    },
  };
}

/** An instance is online once spawned, not once listening: retries the GET until its server answers. */
export function waitForHttp(port: number, urlPath = '/'): Promise<{ status: number; body: string }> {
  return waitFor(() => httpGet(port, urlPath), { what: `an HTTP answer on port ${port}` });
}

/** Waits until instance `app-id` has printed `line` on stdout (idle.mjs prints "ready" once it handles SIGTERM). */
export function waitForLine(sup: Supervisor, app: string, id: number, line = 'ready'): Promise<true> {
  return waitFor(() => sup.logs.lines(app, id, 'out').includes(line), { what: `${app}-${id} to print "${line}"` });
}

/** Every distinct value `pick` takes for instance `app-id` from now on, in order. */
export function recordChanges<T>(sup: Supervisor, app: string, id: number, pick: (i: InstanceState) => T): T[] {
  const seen: T[] = [];
  const note = (i: InstanceState | undefined): void => {
    if (!i) return;
    const value = pick(i);
    if (seen.length === 0 || JSON.stringify(seen.at(-1)) !== JSON.stringify(value)) seen.push(value);
  };
  sup.store.subscribe((s) => note(s.apps[app]?.instances[id]));
  return seen;
}
