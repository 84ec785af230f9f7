// Idle RSS of the pmdaemon daemon under node flags or another entry file, split into anonymous
// memory (heaps) and file pages (the node binary's code and data it touched), next to PM2's.
// Explains the "daemon RSS idle" ratio of bench/vs-pm2.mjs; not part of `npm run bench`.
//   node bench/vs-pm2/daemon-rss-probe.mjs ['label|--flag --flag|/path/to/daemon-entry'] ...
// SETTLE_MS=60000 reads later, after V8's memory reducer has run in both daemons.
// With no arguments it compares dist/bin/pmdaemon-daemon.js with and without lite flags.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePm2 } from './pm2-install.mjs';
import { createPm2Tool } from './pm2-tool.mjs';
import { PMDAEMON_BIN } from './pmdaemon-tool.mjs';
import { delay, median, waitFor } from './proc.mjs';
import { runCli } from './run-cli.mjs';
import { teardown } from './teardown.mjs';

const SETTLE_MS = Number(process.env.SETTLE_MS ?? 5000);
const DAEMON = fileURLToPath(new URL('../../dist/bin/pmdaemon-daemon.js', import.meta.url));
const given = process.argv.slice(2);
const variants = (given.length > 0 ? given : ['default||', 'lite|--lite-mode --no-expose-wasm --max-semi-space-size=1|']).map((arg) => {
  const [label, flags = '', script = ''] = arg.split('|');
  return { label, flags: flags.split(' ').filter(Boolean), script: script || DAEMON };
});

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

/** Starts one daemon exactly as `node <flags> <script>` with its own home; answers a ping like the bench's. */
async function startVariant(variant) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-rss-'));
  const log = fs.openSync(path.join(home, 'daemon.log'), 'a');
  const child = spawn(process.execPath, [...variant.flags, variant.script], { detached: true, stdio: ['ignore', log, log], env: { ...process.env, PMDAEMON_HOME: home }, cwd: '/' });
  fs.closeSync(log);
  child.unref();
  const env = { ...process.env, PMDAEMON_HOME: home };
  await waitFor(() => fs.existsSync(path.join(home, 'daemon.sock')), 10_000, `${variant.label} daemon socket`);
  await runCli(PMDAEMON_BIN, ['ping', '--json'], { env });
  return {
    pid: child.pid,
    stop: () => teardown({ kill: () => runCli(PMDAEMON_BIN, ['kill'], { env }), daemonPid: child.pid, envEntry: `PMDAEMON_HOME=${home}`, home }),
  };
}

const pm2 = createPm2Tool(ensurePm2().bin);
const running = [];
try {
  const pm2Pid = await pm2.startDaemon();
  for (const variant of variants) running.push({ variant, ...(await startVariant(variant)) });
  await delay(SETTLE_MS);
  const base = await steadyMemory(pm2Pid);
  const show = (label, m) => `  ${label.padEnd(28)} ${m.rss.toFixed(1).padStart(5)} MB  ${(m.rss / base.rss).toFixed(2)}×   anon ${m.anon.toFixed(1).padStart(5)}  file ${m.file.toFixed(1).padStart(5)}`;
  console.log(`idle RSS ${SETTLE_MS / 1000} s after start (median of 5 reads); ratio = / PM2's; target ≤ 0.8×`);
  console.log(show('PM2 God daemon', base));
  for (const { variant, pid } of running) console.log(show(variant.label, await steadyMemory(pid)));
  console.log('anon: heaps and stacks; file: pages of the node binary (shared with every node process) this process touched');
} finally {
  for (const problem of (await Promise.all([pm2.teardown(), ...running.map((r) => r.stop())])).flat()) console.error(`cleanup: ${problem}`);
}
