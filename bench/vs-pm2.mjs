// pmdaemon side by side with PM2 in one run (issue #3 §6): CLI round trips, 50 instances online,
// daemon RSS idle and per extra instance. Needs `npm run build`; PM2 is installed outside the repo.
//   node bench/vs-pm2.mjs [--json]
// Always exits 0 once measured: the table says PASS or FAIL. Exit 1 only when it could not measure.
import fs from 'node:fs';
import os from 'node:os';
import { ensurePm2 } from './vs-pm2/pm2-install.mjs';
import { createPm2Tool } from './vs-pm2/pm2-tool.mjs';
import { createPmdaemonTool, PMDAEMON_BIN } from './vs-pm2/pmdaemon-tool.mjs';
import { measureIdleRss, measurePerInstance, measureRoundTrips, measureStart } from './vs-pm2/measure.mjs';
import { buildRows, formatTable } from './vs-pm2/table.mjs';

const RTT_REPS = 15;
const START_REPS = 7;
const EXTRA_INSTANCES = 100;

if (!fs.existsSync(PMDAEMON_BIN)) {
  console.error(`${PMDAEMON_BIN} is missing: run "npm run build" first`);
  process.exit(1);
}
let pm2;
try {
  pm2 = ensurePm2();
} catch (error) {
  console.error(`vs-pm2: cannot install PM2 from npm (${error.message}); nothing was measured`);
  process.exit(1);
}
const tools = [createPmdaemonTool(), createPm2Tool(pm2.bin)];
const cleanup = () => Promise.all(tools.map((tool) => tool.teardown()));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`vs-pm2: ${signal}: stopping both daemons and every instance`);
    void cleanup().finally(() => process.exit(130));
  });
}

const began = Date.now();
let results;
try {
  const idle = await measureIdleRss(tools);
  const { perInstance, loaded } = await measurePerInstance(tools, idle, EXTRA_INSTANCES);
  const rtt = await measureRoundTrips(tools, RTT_REPS);
  const start = await measureStart(tools, START_REPS);
  results = { idle, loaded, perInstance, rtt, start };
} catch (error) {
  console.error(`vs-pm2: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  for (const problem of (await cleanup()).flat()) console.error(`vs-pm2 cleanup: ${problem}`);
}

if (results) {
  const rows = buildRows(results);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ pm2: pm2.version, node: process.version, rows, results }));
  } else {
    console.log(`pmdaemon vs PM2 ${pm2.version} — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${((Date.now() - began) / 1000).toFixed(0)} s`);
    console.log('both daemons run at once, each with its own temp home; ratio = pmdaemon / PM2\n');
    for (const line of formatTable(rows)) console.log(line);
    console.log(`
how each figure was measured:
  round trips     wall time of a fresh CLI process, spawn to exit, warm daemon, no apps; pmdaemon runs as a shell runs
                  its bin (package.json "bin", dist/bin/pmdaemon.cjs: sh, then node), PM2 as "node <its bin>";
                  median of ${RTT_REPS}, tools alternating: "${tools[0].commands.ping}" / "${tools[0].commands.list}" vs "${tools[1].commands.ping}" / "${tools[1].commands.list}"
                  floor: a bare "node -e 0" takes ${ms(results.rtt.node)} here = ${ratio(results.rtt.node, results.rtt.PM2.ping)} PM2's ping${results.rtt.nodeWithoutExtraCa === undefined ? '' : `;
                  ${ms(results.rtt.nodeWithoutExtraCa)} = ${ratio(results.rtt.nodeWithoutExtraCa, results.rtt.PM2.ping)} without NODE_EXTRA_CA_CERTS, which pmdaemon's bin moves aside for ping and list --json
                  (node builds its whole certificate store at start-up when it is set; neither command speaks TLS)`}
  50 online       spawn of the start CLI to the end of the first list (polled right after it exits) showing all
                  50 online; median of ${START_REPS}, app deleted and its processes gone between runs, the first tool
                  swapping every repetition, each start once neither daemon has used CPU for 150 ms
                  pmdaemon: ${tools[0].startMode}; PM2: ${tools[1].startMode} (-i is cluster mode, node scripts only)
                  start CLI alone (spawn to exit): pmdaemon ${ms(results.start.pmdaemon.cliExit)}, PM2 ${ms(results.start.PM2.cliExit)}
  RSS idle        VmRSS of the daemon (pmdaemon: pid from "ping --json"; PM2: God pid from $PM2_HOME/pm2.pid),
                  5 s after start, median of 5 reads 200 ms apart, measured first on fresh daemons
                  floor: a bare idle node (one timer) has ${mb(results.idle.node)} here = ${ratio(results.idle.node, results.idle.PM2)} PM2's daemon
  per instance    (daemon VmRSS with ${EXTRA_INSTANCES} "sleep 600" online, after 5 s settle) - idle, / ${EXTRA_INSTANCES};
                  with ${EXTRA_INSTANCES}: pmdaemon ${mb(results.loaded.pmdaemon)}, PM2 ${mb(results.loaded.PM2)}`);
  }
}

function ms(value) {
  return `${Math.round(value)} ms`;
}

function mb(bytes) {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function ratio(a, b) {
  return `${(a / b).toFixed(2)}×`;
}
