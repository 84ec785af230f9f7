// Issue 5 §5: `pmdaemon restart web --rolling` of 4 instances behind nginx vs `pm2 reload web` of 4
// cluster-mode workers, same app, same load, one run. Needs `npm run build`, nginx; PM2 comes from npm;
// test/helpers (nginx, load, /proc) are compiled with the repo's tsc at start.
//   node bench/lb-vs-pm2.mjs [--reps N] [--connections N] [--json]
// Always exits 0 once measured: the table says PASS or MISS. Exit 1 only when it could not measure.
import fs from 'node:fs';
import os from 'node:os';
import { CLIENT_KINDS, measureTarget, TAIL_MS } from './lb-vs-pm2/measure.mjs';
import { createPm2Cluster } from './lb-vs-pm2/pm2-cluster.mjs';
import { createPmdaemonCluster } from './lb-vs-pm2/pmdaemon-cluster.mjs';
import { buildRows, formatTable, TIME_TARGET } from './lb-vs-pm2/table.mjs';
import { nginxBinary } from './lb-vs-pm2/test-helpers.mjs';
import { ensurePm2 } from './vs-pm2/pm2-install.mjs';
import { PMDAEMON_BIN } from './vs-pm2/pmdaemon-tool.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const REPS = option('reps', 3);
const CONNECTIONS = option('connections', 16);
const json = args.includes('--json');
const log = (line) => process.stderr.write(`lb-vs-pm2: ${line}\n`);

if (!fs.existsSync(PMDAEMON_BIN)) {
  console.error(`${PMDAEMON_BIN} is missing: run "npm run build" first`);
  process.exit(1);
}
if (nginxBinary() === 'nginx' && !process.env.PATH?.split(':').some((dir) => fs.existsSync(`${dir}/nginx`))) {
  console.error('lb-vs-pm2: nginx is not installed (apt-get install nginx-light, or set NGINX_BIN); nothing was measured');
  process.exit(1);
}
let pm2;
try {
  pm2 = ensurePm2();
} catch (error) {
  console.error(`lb-vs-pm2: cannot install PM2 from npm (${error.message}); nothing was measured`);
  process.exit(1);
}

const PM2_LABEL = 'PM2 cluster mode';
const variants = [
  { label: PM2_LABEL, create: () => createPm2Cluster({ label: PM2_LABEL, bin: pm2.bin }) },
  { label: 'pmdaemon + nginx', create: () => createPmdaemonCluster({ label: 'pmdaemon + nginx' }) },
  {
    label: 'pmdaemon + nginx, no drain',
    lb: 'drain_on_restart: false, max_fails: 0',
    create: () => createPmdaemonCluster({ label: 'pmdaemon + nginx, no drain', lb: { drain_on_restart: false, max_fails: 0 } }),
  },
];

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping the daemon, its instances and nginx`);
    void Promise.resolve(current?.teardown()).finally(() => process.exit(130));
  });
}

const began = Date.now();
const measured = [];
const skipped = [];
try {
  for (const variant of variants) {
    try {
      current = await variant.create();
    } catch (error) {
      if (!error.unsupported) throw error;
      skipped.push(`${variant.label} (${variant.lb}): this build rejects it — ${error.message.split('\n').pop()}`);
      continue;
    }
    try {
      measured.push({ label: variant.label, app: current.app, results: await measureTarget(current, { reps: REPS, connections: CONNECTIONS, log }) });
    } finally {
      for (const problem of await current.teardown()) log(`cleanup of ${variant.label}: ${problem}`);
      current = undefined;
    }
  }
} catch (error) {
  console.error(`lb-vs-pm2: ${error.stack ?? error}`);
  process.exitCode = 1;
}

if (process.exitCode !== 1) {
  const rows = buildRows(measured, PM2_LABEL);
  if (json) {
    console.log(JSON.stringify({ pm2: pm2.version, node: process.version, reps: REPS, connections: CONNECTIONS, rows, measured, skipped }));
  } else {
    const kindLabels = Object.fromEntries(CLIENT_KINDS.map((k) => [k.key, k.label]));
    const cpu = os.cpus();
    console.log(`rolling restart under load: pmdaemon behind nginx vs PM2 ${pm2.version} cluster mode — node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model ?? '?'}), ${((Date.now() - began) / 1000).toFixed(0)} s`);
    console.log(`${REPS} rollouts per tool and client, ${CONNECTIONS} keep-alive connections on 127.0.0.1; targets (issue 5 §5): 0 failed requests, time ≤ ${TIME_TARGET}× PM2's\n`);
    for (const line of formatTable(rows, kindLabels)) console.log(line);
    for (const row of rows.filter((r) => r.failures > 0)) console.log(`  failures of ${row.label} / ${kindLabels[row.kind]}: ${JSON.stringify(row.errors)}`);
    for (const line of skipped) console.log(`  skipped: ${line}`);
    console.log(`
how it was measured:
  app        bench/lb-vs-pm2/app.mjs for both = test/fixtures/lb-app.mjs (GET / answers its instance; on SIGTERM it
             drains: Connection: close on responses, closes idle keep-alive sockets, exits when the last one ends)
             + the same drain on SIGINT, which is PM2's kill signal (lb-app alone handles only SIGTERM)
  pmdaemon   own PMDAEMON_HOME; 4 instances on a port range, http health check /health every 0.5 s (retries 3), kill_timeout 5 s,
             load_balancer { type: nginx, file, reload_cmd } in front of nginx (${nginxBinary()}, 2 workers, upstream keepalive,
             proxy_next_upstream error timeout http_502 http_503); load goes through nginx; timed: "pmdaemon restart web --rolling"
             "no drain" = load_balancer.drain_on_restart: false, max_fails: 0 (instances stay in the upstream; nginx retries the others)
  PM2        own PM2_HOME; exec_mode cluster, instances 4, env PORT fixed (workers share it), kill_timeout 5 s;
             load goes straight to that port; timed: "pm2 reload web"
  load       ${CONNECTIONS} connections, each one GET after another (Node http.Agent keepAlive, 1 socket each);
             "naive" never resends; "retries" resends once a GET that died on a reused connection before any response
             byte (RFC 9112 §9.3.1, as browsers, curl and Go do) — a resent GET counts once, failed only if the resend fails
  one run    load flowing (100 requests) → rollout CLI, wall clock spawn to exit → ${TAIL_MS} ms tail → load stopped;
             then all 4 instances ready with new pids before the next run. requests/run and times are medians over the
             runs; failed, failed % and retried are totals over the runs; reloads = reload_cmd runs per rollout (median)
             failed % is over the load window (rollout + ~0.6 s), so a longer window dilutes it: compare failed per run
             timeout = no response within 5 s`);
  }
}
