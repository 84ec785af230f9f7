// Where a CLI round trip's time goes, next to PM2's: node's own start-up (with and without
// NODE_EXTRA_CA_CERTS, which every node process parses before any JS runs), empty modules, pmdaemon's
// bin as a user runs it, its JS alone (`node pmdaemon.cjs`) and the unbundled ES-module entry tsc
// writes (`node pmdaemon.js`), and PM2. Not part of `npm run bench`: it explains the ping/list ratio
// (issue #3 §6).
//   npm run build && node bench/vs-pm2/startup-floor.mjs [reps]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePm2 } from './pm2-install.mjs';
import { createPm2Tool } from './pm2-tool.mjs';
import { createPmdaemonTool, PMDAEMON_BIN, runPmdaemon } from './pmdaemon-tool.mjs';
import { median } from './proc.mjs';
import { runCli } from './run-cli.mjs';

const reps = Number(process.argv[2] ?? 21);
const ESM_ENTRY = path.join(path.dirname(PMDAEMON_BIN), 'pmdaemon.js');
for (const file of [PMDAEMON_BIN, ESM_ENTRY]) {
  if (!fs.existsSync(file)) {
    console.error(`${file} is missing: run "npm run build" first`);
    process.exit(1);
  }
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-floor-'));
const emptyModule = path.join(scratch, 'empty.mjs');
const emptyScript = path.join(scratch, 'empty.cjs');
fs.writeFileSync(emptyModule, '');
fs.writeFileSync(emptyScript, '');
const pmd = createPmdaemonTool();
const pm2Bin = ensurePm2().bin;
const pm2 = createPm2Tool(pm2Bin);
const withoutExtraCa = { ...process.env };
delete withoutExtraCa.NODE_EXTRA_CA_CERTS;

// Each probe: a label and how to run it in `env` (the tools' homes are added here).
const pmdHome = { PMDAEMON_HOME: pmd.home };
const node = (args, extra = {}) => (env) => runCli(args[0], args.slice(1), { env: { ...env, ...extra }, cwd: scratch });
const probes = [
  ['node -e 0', node(['-e', '0'])],
  ['node empty.cjs', node([emptyScript])],
  ['node empty.mjs', node([emptyModule])],
  ['pmdaemon ping', (env) => runPmdaemon(['ping'], { env: { ...env, ...pmdHome }, cwd: scratch })],
  ['pmdaemon list --json', (env) => runPmdaemon(['list', '--json'], { env: { ...env, ...pmdHome }, cwd: scratch })],
  ['node pmdaemon.cjs ping', node([PMDAEMON_BIN, 'ping'], pmdHome)],
  ['node pmdaemon.js ping', node([ESM_ENTRY, 'ping'], pmdHome)],
  ['node pmdaemon.js list --json', node([ESM_ENTRY, 'list', '--json'], pmdHome)],
  ['pm2 ping', node([pm2Bin, 'ping'], { PM2_HOME: pm2.home })],
  ['pm2 jlist', node([pm2Bin, 'jlist'], { PM2_HOME: pm2.home })],
];
const PM2_PING = probes.findIndex(([label]) => label === 'pm2 ping');

try {
  await pmd.startDaemon();
  await pm2.startDaemon();
  const envs = [['as given', process.env]];
  if (process.env.NODE_EXTRA_CA_CERTS) envs.push(['NODE_EXTRA_CA_CERTS unset', withoutExtraCa]);
  for (const [envLabel, baseEnv] of envs) {
    const times = probes.map(() => []);
    for (let i = 0; i < reps + 2; i++) {
      for (const [p, [, run]] of probes.entries()) {
        const { ms } = await run(baseEnv);
        if (i >= 2) times[p].push(ms); // two warm-up rounds: page cache and daemons warm
      }
    }
    const pm2Ping = median(times[PM2_PING]);
    console.log(`\nenvironment ${envLabel}: median of ${reps} fresh processes, spawn to exit, probes interleaved; ratio = / PM2's ping`);
    for (const [p, [label]] of probes.entries()) {
      const m = median(times[p]);
      console.log(`  ${label.padEnd(30)} ${m.toFixed(1).padStart(7)} ms  ${(m / pm2Ping).toFixed(2)}×`);
    }
  }
  console.log(`\n"pmdaemon …" executes ${path.relative(process.cwd(), PMDAEMON_BIN)} as a shell does; PM2 runs as "node <its bin>"`);
  console.log('target: ping and list ≤ 0.25× PM2; "node -e 0" is the floor of any CLI written for node');
} finally {
  await Promise.all([pmd.teardown(), pm2.teardown()]);
  fs.rmSync(scratch, { recursive: true, force: true });
}
