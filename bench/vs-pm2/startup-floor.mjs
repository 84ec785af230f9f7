// Where a CLI round trip's time goes, next to PM2's: node's own start-up (with and without
// NODE_EXTRA_CA_CERTS, which every node process parses before any JS runs), an empty ES module,
// and both CLIs. Not part of `npm run bench`: it explains the ping/list ratio (issue #3 §6).
//   npm run build && node bench/vs-pm2/startup-floor.mjs [reps]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePm2 } from './pm2-install.mjs';
import { createPm2Tool } from './pm2-tool.mjs';
import { createPmdaemonTool, PMDAEMON_BIN } from './pmdaemon-tool.mjs';
import { median } from './proc.mjs';
import { runCli } from './run-cli.mjs';

const reps = Number(process.argv[2] ?? 21);
if (!fs.existsSync(PMDAEMON_BIN)) {
  console.error(`${PMDAEMON_BIN} is missing: run "npm run build" first`);
  process.exit(1);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-floor-'));
const emptyModule = path.join(scratch, 'empty.mjs');
fs.writeFileSync(emptyModule, '');
const pmd = createPmdaemonTool();
const pm2Bin = ensurePm2().bin;
const pm2 = createPm2Tool(pm2Bin);
const withoutExtraCa = { ...process.env };
delete withoutExtraCa.NODE_EXTRA_CA_CERTS;

// Each probe: a label and the argv after `node`; the tools' own homes come from their env.
const probes = [
  ['node -e 0', ['-e', '0'], {}],
  ['node empty.mjs', [emptyModule], {}],
  ['pmdaemon ping', [PMDAEMON_BIN, 'ping'], { PMDAEMON_HOME: pmd.home }],
  ['pmdaemon list --json', [PMDAEMON_BIN, 'list', '--json'], { PMDAEMON_HOME: pmd.home }],
  ['pm2 ping', [pm2Bin, 'ping'], { PM2_HOME: pm2.home }],
  ['pm2 jlist', [pm2Bin, 'jlist'], { PM2_HOME: pm2.home }],
];

try {
  await pmd.startDaemon();
  await pm2.startDaemon();
  const envs = [['as given', process.env]];
  if (process.env.NODE_EXTRA_CA_CERTS) envs.push(['NODE_EXTRA_CA_CERTS unset', withoutExtraCa]);
  for (const [envLabel, baseEnv] of envs) {
    const times = probes.map(() => []);
    for (let i = 0; i < reps + 2; i++) {
      for (const [p, [, args, extra]] of probes.entries()) {
        const { ms } = await runCli(args[0], args.slice(1), { env: { ...baseEnv, ...extra }, cwd: scratch });
        if (i >= 2) times[p].push(ms); // two warm-up rounds: page cache and daemons warm
      }
    }
    const pm2Ping = median(times[4]);
    console.log(`\nenvironment ${envLabel}: median of ${reps} fresh processes, spawn to exit; ratio = / PM2's ping`);
    for (const [p, [label]] of probes.entries()) {
      const m = median(times[p]);
      console.log(`  ${label.padEnd(22)} ${m.toFixed(1).padStart(7)} ms  ${(m / pm2Ping).toFixed(2)}×`);
    }
  }
  console.log('\ntarget: ping and list ≤ 0.25× PM2; "node -e 0" is the floor of any CLI started as "node <bin>"');
} finally {
  await Promise.all([pmd.teardown(), pm2.teardown()]);
  fs.rmSync(scratch, { recursive: true, force: true });
}
