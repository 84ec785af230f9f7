// RSS of the pmdaemon daemon run under other node flags or from another entry file, split into
// anonymous memory (heaps) and file pages (the parts of the node binary it touched), next to PM2's.
// Explains the "daemon RSS idle" ratio of bench/vs-pm2.mjs; not part of `npm run bench`.
//   node bench/vs-pm2/daemon-rss-probe.mjs ['label|--flag --flag|/abs/path/to/daemon-entry'] ...
// An empty path means the shipped bundle. With no arguments it compares the daemon as the CLI starts
// it (dist/bin/pmdaemon-daemon.cjs with DAEMON_NODE_FLAGS) with the unbundled entry without flags.
// Every variant and PM2 run at once, started in a rotating order. Environment:
//   REPS=5         fresh daemons this many times; medians over the reps
//   SETTLE_MS=5000 wait before reading (60000: after V8's memory reducer has run in every daemon)
//   INSTANCES=100  also start that many `sleep 600` in each daemon: RSS loaded, per instance, daemon CPU
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DAEMON_BUNDLE, DAEMON_NODE_FLAGS, daemonEnv } from '../../dist/client/spawn-daemon.js';
import { cpuSeconds } from '../lib/proc-stat.mjs';
import { ensurePm2 } from './pm2-install.mjs';
import { createPm2Tool } from './pm2-tool.mjs';
import { PMDAEMON_BIN } from './pmdaemon-tool.mjs';
import { delay, median, waitFor } from './proc.mjs';
import { runCli } from './run-cli.mjs';
import { teardown } from './teardown.mjs';

const SETTLE_MS = Number(process.env.SETTLE_MS ?? 5000);
const REPS = Number(process.env.REPS ?? 1);
const INSTANCES = Number(process.env.INSTANCES ?? 0);
const UNBUNDLED = path.join(path.dirname(DAEMON_BUNDLE), 'pmdaemon-daemon.js');
const given = process.argv.slice(2);
const defaults = [`shipped|${DAEMON_NODE_FLAGS.join(' ')}|`, `unbundled, no flags||${UNBUNDLED}`];
const variants = (given.length > 0 ? given : defaults).map((arg) => {
  const [label, flags = '', script = ''] = arg.split('|');
  return { label, flags: flags.split(' ').filter(Boolean), script: script || DAEMON_BUNDLE };
});
for (const { script } of variants) if (!fs.existsSync(script)) throw new Error(`${script} is missing: run "npm run build" (paths must be absolute)`);

/** VmRSS, RssAnon and RssFile of `pid` in MB. */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]) / 1024;
  return { rss: mb('VmRSS'), anon: mb('RssAnon'), file: mb('RssFile') };
}

/** The median of five reads 200 ms apart, by RSS. */
async function steadyMemory(pid) {
  const reads = [];
  for (let i = 0; i < 5; i++) {
    if (i > 0) await delay(200);
    reads.push(memory(pid));
  }
  const mid = median(reads.map((r) => r.rss));
  return reads.find((r) => r.rss === mid);
}

/** Starts one daemon as `node <flags> <script>` in the environment the CLI gives it (daemonEnv), with its own home. */
async function startVariant(variant) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-rss-'));
  const env = daemonEnv(process.env, home);
  const log = fs.openSync(path.join(home, 'daemon.log'), 'a');
  const child = spawn(process.execPath, [...variant.flags, variant.script], { detached: true, stdio: ['ignore', log, log], env, cwd: '/' });
  fs.closeSync(log);
  child.unref();
  const cli = (...args) => runCli(PMDAEMON_BIN, args, { env, cwd: home });
  const stop = () => teardown({ kill: () => cli('kill'), daemonPid: child.pid, envEntry: `PMDAEMON_HOME=${home}`, home });
  try {
    await waitFor(() => fs.existsSync(path.join(home, 'daemon.sock')), 10_000, `${variant.label} daemon socket`);
    await cli('ping', '--json');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    label: variant.label,
    pid: child.pid,
    startSleep: (count) => cli('start', 'sleep 600', '--name', 's', '--instances', String(count)),
    online: async () => JSON.parse((await cli('list', '--json')).stdout).filter((r) => r.status === 'online').length,
    stop,
  };
}

/** The PM2 daemon in the same shape as a variant. */
async function startPm2(bin) {
  const pm2 = createPm2Tool(bin);
  try {
    return {
      label: 'PM2 God daemon',
      pid: await pm2.startDaemon(),
      startSleep: (count) => pm2.startSleep('s', count),
      online: async () => (await pm2.list()).instances.filter((i) => i.online).length,
      stop: () => pm2.teardown(),
    };
  } catch (error) {
    await pm2.teardown();
    throw error;
  }
}

/** One rep: PM2 and every variant, started in `order`; their memory idle (and loaded, with CPU) by label. */
async function measureOnce(pm2Bin, order) {
  const running = [];
  try {
    running.push(await startPm2(pm2Bin));
    for (const i of order) running.push(await startVariant(variants[i]));
    await delay(SETTLE_MS);
    const rep = {};
    for (const d of running) rep[d.label] = { idle: await steadyMemory(d.pid) };
    if (INSTANCES > 0) {
      for (const d of running) {
        await d.startSleep(INSTANCES);
        await waitFor(async () => (await d.online()) === INSTANCES, 60_000, `${INSTANCES} online in ${d.label}`, 100);
      }
      const cpu0 = new Map(running.map((d) => [d, cpuSeconds(d.pid)]));
      const t0 = Date.now();
      await delay(SETTLE_MS);
      const seconds = (Date.now() - t0) / 1000;
      for (const d of running) rep[d.label].cpu = ((cpuSeconds(d.pid) - cpu0.get(d)) * 100) / seconds;
      for (const d of running) rep[d.label].loaded = await steadyMemory(d.pid);
    }
    return rep;
  } finally {
    for (const problem of (await Promise.all(running.map((d) => d.stop()))).flat()) console.error(`cleanup: ${problem}`);
  }
}

const pm2Bin = ensurePm2().bin;
const reps = [];
for (let r = 0; r < REPS; r++) {
  const order = variants.map((_, i) => (i + r) % variants.length);
  reps.push(await measureOnce(pm2Bin, order));
  const pm2 = reps[r]['PM2 God daemon'].idle.rss;
  console.error(`rep ${r + 1}/${REPS}: ${variants.map((v) => `${v.label} ${(reps[r][v.label].idle.rss / pm2).toFixed(2)}×`).join(', ')} (idle, / PM2)`);
}

const med = (label, pick) => median(reps.map((rep) => pick(rep[label])));
const labels = ['PM2 God daemon', ...variants.map((v) => v.label)];
const width = Math.max(...labels.map((l) => l.length)) + 2;
console.log(`idle RSS ${SETTLE_MS / 1000} s after start, median of 5 reads, median over ${REPS} rep(s); ratio = / PM2's in the same rep; target ≤ 0.8×`);
for (const label of labels) {
  const ratio = median(reps.map((rep) => rep[label].idle.rss / rep['PM2 God daemon'].idle.rss));
  console.log(`  ${label.padEnd(width)} ${med(label, (m) => m.idle.rss).toFixed(1).padStart(5)} MB  ${ratio.toFixed(2)}×   anon ${med(label, (m) => m.idle.anon).toFixed(1).padStart(5)}  file ${med(label, (m) => m.idle.file).toFixed(1).padStart(5)}`);
}
console.log('anon: heaps and stacks; file: pages of the node binary (shared with every node process) this process touched');
if (INSTANCES > 0) {
  console.log(`\nwith ${INSTANCES} × sleep 600 online, ${SETTLE_MS / 1000} s later: RSS, per extra instance ((loaded - idle) / ${INSTANCES}), daemon CPU over those ${SETTLE_MS / 1000} s`);
  const perInstance = (rep, label) => ((rep[label].loaded.rss - rep[label].idle.rss) * 1024) / INSTANCES;
  for (const label of labels) {
    const kb = median(reps.map((rep) => perInstance(rep, label)));
    const ratio = median(reps.map((rep) => perInstance(rep, label) / perInstance(rep, 'PM2 God daemon')));
    console.log(`  ${label.padEnd(width)} ${med(label, (m) => m.loaded.rss).toFixed(1).padStart(5)} MB  ${kb.toFixed(0).padStart(5)} KB/instance ${ratio.toFixed(2)}×   CPU ${med(label, (m) => m.cpu).toFixed(1).padStart(4)} %`);
  }
}
