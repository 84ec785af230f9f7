// The four measurements, each run on both tools in turn so they share the machine's moment.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { cpuSeconds } from '../lib/proc-stat.mjs';
import { delay, isAlive, median, steadyRss, waitFor } from './proc.mjs';
import { runCli } from './run-cli.mjs';

const SETTLE_MS = 5000;
const BARE_NODE = 'const parent = Number(process.argv[1]); setInterval(() => { try { process.kill(parent, 0); } catch { process.exit(); } }, 1000);';

/** Polls the tool's own list until `count` instances of `app` are online; resolves the final list. */
export function waitOnline(tool, app, count, timeoutMs = 30_000) {
  return waitFor(async () => {
    const { instances } = await tool.list();
    const mine = instances.filter((i) => i.app === app);
    if (mine.some((i) => i.errored)) throw new Error(`${tool.label} reports instances of ${app} errored: is "sleep" on PATH?`);
    return mine.length === count && mine.every((i) => i.online) ? mine : undefined;
  }, timeoutMs, `${count} online instances of ${tool.label} app ${app}`, 0);
}

/** Deletes `app` and waits until its processes are gone, so the next repetition starts clean. */
export async function removeApp(tool, app, pids) {
  await tool.remove(app);
  await waitFor(() => pids.every((pid) => !isAlive(pid)), 10_000, `${tool.label} app ${app} to exit`);
}

/** Starts every daemon, lets them settle, and reads their RSS: { [label]: bytes, node: bytes of a bare idle node }. */
export async function measureIdleRss(tools) {
  // A bare node with one timer, read alongside: the floor any Node daemon starts from. It exits with us.
  const bare = spawn(process.execPath, ['-e', BARE_NODE, String(process.pid)], { stdio: 'ignore' });
  try {
    for (const tool of tools) await tool.startDaemon();
    await delay(SETTLE_MS);
    const idle = { node: await steadyRss(bare.pid) };
    for (const tool of tools) idle[tool.label] = await steadyRss(tool.daemonPid);
    return idle;
  } finally {
    bare.kill('SIGKILL');
  }
}

/** Daemon RSS with `count` `sleep 600` instances (after a settle) minus idle, per instance: { [label]: bytes }. */
export async function measurePerInstance(tools, idle, count = 100) {
  const started = new Map();
  for (const tool of tools) {
    await tool.startSleep('m', count);
    started.set(tool, await waitOnline(tool, 'm', count));
  }
  await delay(SETTLE_MS);
  const perInstance = {};
  const loaded = {};
  for (const tool of tools) {
    loaded[tool.label] = await steadyRss(tool.daemonPid);
    perInstance[tool.label] = (loaded[tool.label] - idle[tool.label]) / count;
  }
  for (const tool of tools) await removeApp(tool, 'm', started.get(tool).map((i) => i.pid));
  return { perInstance, loaded };
}

/**
 * Median wall time of fresh `ping` and `list` CLI processes against a warm daemon, tools interleaved; `node` is
 * `node -e 0`, and `nodeWithoutExtraCa` the same without NODE_EXTRA_CA_CERTS (when it is set): the floor of a
 * node started the way pmdaemon's bin starts it for ping and list --json.
 */
export async function measureRoundTrips(tools, reps) {
  const floor = [];
  const bareFloor = [];
  const withoutExtraCa = { ...process.env };
  delete withoutExtraCa.NODE_EXTRA_CA_CERTS;
  const extraCa = process.env.NODE_EXTRA_CA_CERTS !== undefined;
  for (const tool of tools) {
    for (let i = 0; i < 2; i++) {
      await tool.ping();
      await tool.list();
    }
  }
  const times = Object.fromEntries(tools.map((t) => [t.label, { ping: [], list: [] }]));
  for (let i = 0; i < reps; i++) {
    floor.push((await runCli('-e', ['0'])).ms);
    if (extraCa) bareFloor.push((await runCli('-e', ['0'], { env: withoutExtraCa })).ms);
    for (const tool of tools) {
      times[tool.label].ping.push((await tool.ping()).ms);
      times[tool.label].list.push((await tool.list()).ms);
    }
  }
  const result = { node: median(floor), ...(extraCa ? { nodeWithoutExtraCa: median(bareFloor) } : {}) };
  for (const tool of tools) result[tool.label] = { ping: median(times[tool.label].ping), list: median(times[tool.label].list) };
  return result;
}

/**
 * Median time from spawning `start` (50 × `sleep 600`) to a list showing all 50 online. Tools alternate,
 * the first one swapping every repetition, and each start waits until no daemon is still busy with the
 * previous run (deleting 50 processes), so neither tool's figure carries the other's leftover work.
 */
export async function measureStart(tools, reps, count = 50) {
  const runs = Object.fromEntries(tools.map((t) => [t.label, { online: [], cliExit: [] }]));
  for (let i = 0; i < reps; i++) {
    for (const tool of i % 2 ? [...tools].reverse() : tools) {
      await daemonsIdle(tools);
      const t0 = performance.now();
      await tool.startSleep('s', count);
      runs[tool.label].cliExit.push(performance.now() - t0);
      const online = await waitOnline(tool, 's', count);
      runs[tool.label].online.push(performance.now() - t0);
      await removeApp(tool, 's', online.map((inst) => inst.pid));
    }
  }
  const result = {};
  for (const tool of tools) result[tool.label] = { online: median(runs[tool.label].online), cliExit: median(runs[tool.label].cliExit) };
  return result;
}

/** Resolves once no tool's daemon has used CPU for `quietMs` (utime + stime from /proc), or at `timeoutMs`. */
async function daemonsIdle(tools, quietMs = 150, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  let before = daemonCpuTicks(tools);
  for (;;) {
    await delay(quietMs);
    const after = daemonCpuTicks(tools);
    if (after === before || Date.now() > deadline) return;
    before = after;
  }
}

function daemonCpuTicks(tools) {
  return tools.map((tool) => cpuSeconds(tool.daemonPid) ?? 'gone').join(',');
}
