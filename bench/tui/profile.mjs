// Where monit's CPU goes, for the failing figures of bench/tui.mjs: the same 200-instance cluster,
// monit idle on the grid and following logs, each measured as shipped, with NODE_ENV=production,
// and once under --cpu-prof (self time by module and function printed).
//   npm run build && node bench/tui/profile.mjs [--window 15] [--production]
import fs from 'node:fs';
import path from 'node:path';
import { timeAttach } from './attach-timing.mjs';
import { createCluster } from './cluster.mjs';
import { measureCpu, openMonit } from './measure.mjs';
import { summariseProfile } from './profile-summary.mjs';
import { statusBytes } from '../lib/proc-stat.mjs';
import { createTmuxServer } from './tmux-server.mjs';

const windowArg = process.argv.indexOf('--window');
const WINDOW_MS = (windowArg > 0 ? Number(process.argv[windowArg + 1]) : 15) * 1000;
// --production profiles with NODE_ENV=production (React's production build), else as shipped.
const PROFILE_ENV = process.argv.includes('--production') ? { NODE_ENV: 'production' } : {};
const server = createTmuxServer('tui-prof');
const cluster = createCluster();
const profDir = fs.mkdtempSync(path.join(server.dir, 'prof-'));
let run = 0;

/** CPU % of one monit over the window, in the given view and environment; writes a profile when asked. */
async function measure(keys, env, nodeArgs) {
  const name = `m${run++}`;
  const spawned = performance.now();
  const monit = await openMonit(server, name, cluster.home, { keys, settleMs: 3000, env, nodeArgs });
  const from = performance.now() - spawned;
  const { percent } = await measureCpu([monit.pid], WINDOW_MS);
  const to = performance.now() - spawned;
  const rss = statusBytes(monit.pid, 'VmRSS');
  await monit.stop();
  return { percent: percent[0], rss, from, to };
}

async function profile(keys, label, env) {
  const dir = path.join(profDir, label);
  // --cpu-prof is refused in NODE_OPTIONS, so it goes on node's command line; the profile is written at exit.
  const { from, to } = await measure(keys, env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return console.log(`  (no profile written for ${label})`);
  // Only the measured window: the profile starts with the process, a few ms after the spawn.
  const summary = summariseProfile(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), { fromMs: from, toMs: to });
  const mode = env.NODE_ENV ? `NODE_ENV=${env.NODE_ENV}` : 'as shipped';
  console.log(`  profile (${label}, ${mode}): ${(summary.totalMs / 1000).toFixed(2)} s busy in the ${((to - from) / 1000).toFixed(0)} s window; self time by module:`);
  for (const [name, ms] of summary.byModule.slice(0, 12)) console.log(`    ${pctOf(ms, summary.totalMs)}  ${name}`);
  console.log('  top functions:');
  for (const [name, ms] of summary.byFunction.slice(0, 15)) console.log(`    ${pctOf(ms, summary.totalMs)}  ${name}`);
}

const pctOf = (ms, total) => `${((ms / total) * 100).toFixed(1).padStart(5)} %`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

try {
  await cluster.start();
  for (const [label, keys] of [['idle', []], ['follow', ['j', 'l']]]) {
    if (label === 'follow') cluster.toggle();
    console.log(`\n${label} (${label === 'idle' ? 'printers quiet, grid' : `${(await cluster.logRate(2000)).toFixed(0)} lines/s, j l`}), CPU over ${WINDOW_MS / 1000} s:`);
    const shipped = await measure(keys, {});
    const production = await measure(keys, { NODE_ENV: 'production' });
    console.log(`  as shipped ${shipped.percent.toFixed(1)} % (RSS ${mb(shipped.rss)}); NODE_ENV=production ${production.percent.toFixed(1)} % (RSS ${mb(production.rss)})`);
    if (label === 'follow') {
      const t = await timeAttach(cluster.home);
      const ms = (value) => `${Math.round(value)} ms`;
      console.log(`  before the first data frame (client library, same calls as monit): handshake ${ms(t.connectMs)}, list ${ms(t.listMs)}, log backlog ${ms(t.backlogMs)} (${t.backlogLines} lines), then the snapshot ${ms(t.snapshotMs)}`);
    }
    await profile(keys, label, PROFILE_ENV);
  }
} finally {
  server.kill();
  for (const problem of await cluster.teardown()) console.error(`profile cleanup: ${problem}`);
}
