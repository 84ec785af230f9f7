// Rolling restarts by hand behind a real nginx under continuous load, to find the step order and
// settings that give zero failed requests. Usage: node bench/lb/experiment.mjs [--variant NAME|all] [--passes N]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTestHelpers } from '../lib/test-helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP = path.join(root, 'test/fixtures/lb-app.mjs');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

// Names: ka/close = client keep-alive on/off; roll = take the instance out of the upstream and reload
// around each restart; noremove = never touch nginx; waitold = wait for old workers after each reload;
// abrupt = the app exits at once on SIGTERM; retry = client resends a GET that failed on a reused socket.
const base = {
  clientKeepAlive: true,
  clientRetry: false,
  connections: 16,
  upstreamKeepalive: true,
  removeFromUpstream: true,
  waitOldWorkers: false,
  shutdown: 'graceful',
  mainExtra: '',
  httpExtra: '',
  serverParams: '',
  reloadsOnly: false,
  restartsPerPass: 4,
};
const variants = {
  'reload-only-ka': { reloadsOnly: true },
  'reload-only-ka-retry': { reloadsOnly: true, clientRetry: true },
  'reload-only-close': { reloadsOnly: true, clientKeepAlive: false },
  'roll-ka': {},
  'roll-ka-waitold': { waitOldWorkers: true },
  'roll-ka-retry': { clientRetry: true },
  'roll-ka-waitold-retry': { waitOldWorkers: true, clientRetry: true },
  'roll-ka-no-upstream-keepalive': { upstreamKeepalive: false },
  'roll-close': { clientKeepAlive: false },
  'roll-close-waitold': { clientKeepAlive: false, waitOldWorkers: true },
  'roll-ka-abrupt': { shutdown: 'abrupt' },
  'roll-ka-abrupt-waitold': { shutdown: 'abrupt', waitOldWorkers: true },
  'noremove-ka': { removeFromUpstream: false },
  'noremove-ka-abrupt': { removeFromUpstream: false, shutdown: 'abrupt' },
  'noremove-close': { removeFromUpstream: false, clientKeepAlive: false },
  'noremove-ka-retry': { removeFromUpstream: false, clientRetry: true },
  'noremove-ka-maxfails0': { removeFromUpstream: false, serverParams: 'max_fails=0' },
  'noremove-ka-failtimeout1s': { removeFromUpstream: false, serverParams: 'max_fails=1 fail_timeout=1s' },
  'noremove-close-maxfails0': { removeFromUpstream: false, clientKeepAlive: false, serverParams: 'max_fails=0' },
  'noremove-ka-abrupt-maxfails0': { removeFromUpstream: false, shutdown: 'abrupt', serverParams: 'max_fails=0' },
  'noremove-ka-no-upstream-keepalive-maxfails0': { removeFromUpstream: false, upstreamKeepalive: false, serverParams: 'max_fails=0' },
  'roll-ka-client-keepalive-off': { httpExtra: 'keepalive_timeout 0;' },
  'noremove-ka-defaults': { removeFromUpstream: false, serverParams: 'max_fails=3 fail_timeout=30s' },
};

const delay = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(pred, ms, what) {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(5);
  }
}
const healthy = (port) =>
  new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });
const alive = (pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

const portFree = (port) =>
  new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
async function freeRun(count) {
  for (;;) {
    const from = 20_000 + Math.floor(Math.random() * 12_000); // below the ephemeral range (32768+)
    let ok = true;
    for (let p = from; p < from + count && ok; p++) ok = await portFree(p);
    if (ok) return from;
  }
}

function startApp(port, id, shutdown) {
  const child = spawn(process.execPath, [APP], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), NODE_APP_INSTANCE: String(id), SHUTDOWN: shutdown },
  });
  return child;
}

async function runVariant(h, name, v, passes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-lbexp-'));
  const basePort = await freeRun(11);
  const ports = [0, 1, 2, 3].map((i) => basePort + i);
  const listenPort = basePort + 10;
  const upstreamFile = path.join(dir, 'upstream.conf');
  const write = (live) => {
    const tmp = `${upstreamFile}.tmp`;
    fs.writeFileSync(tmp, h.upstreamBlock('app', live, { serverParams: v.serverParams, lines: v.upstreamKeepalive ? 'keepalive 16;' : '' }));
    fs.renameSync(tmp, upstreamFile);
  };
  const apps = new Map();
  let nginx;
  let load;
  const t0 = performance.now();
  let reloads = 0;
  try {
    ports.forEach((p, i) => apps.set(i, startApp(p, i, v.shutdown)));
    for (const p of ports) await until(() => healthy(p), 5000, `app on ${p}`);
    write(ports);
    nginx = await h.startNginx({ dir, listenPort, includeFile: upstreamFile, upstream: 'app', mainExtra: v.mainExtra, httpExtra: v.httpExtra });
    load = h.startLoad(nginx.url, { connections: v.connections, keepAlive: v.clientKeepAlive, maxDurationMs: 600_000, retryOnReusedSocket: v.clientRetry });
    await delay(300);
    const reload = async () => {
      reloads++;
      await nginx.reload({ waitOldWorkers: v.waitOldWorkers });
    };
    const passStart = performance.now();
    for (let pass = 0; pass < passes; pass++) {
      if (v.reloadsOnly) {
        for (let k = 0; k < 2 * v.restartsPerPass; k++) {
          write(ports);
          await reload();
          await delay(50);
        }
        continue;
      }
      for (let i = 0; i < ports.length; i++) {
        if (v.removeFromUpstream) {
          write(ports.filter((_, j) => j !== i));
          await reload();
        }
        const old = apps.get(i);
        old.kill('SIGTERM');
        await until(() => !alive(old.pid), 10_000, `instance ${i} to exit`);
        apps.set(i, startApp(ports[i], i, v.shutdown));
        await until(() => healthy(ports[i]), 5000, `instance ${i} healthy`);
        if (v.removeFromUpstream) {
          write(ports);
          await reload();
        }
      }
    }
    const msPerPass = Math.round((performance.now() - passStart) / passes);
    await delay(300);
    const r = await load.stop();
    if (r.failures > 0 && args.includes('--show-log')) {
      const log = fs.readFileSync(nginx.errorLog, 'utf8').split('\n').filter((l) => !l.includes('[notice]'));
      console.log(log.slice(0, 15).join('\n'));
    }
    return { name, passes, reloads, msPerPass, ms: Math.round(performance.now() - t0), ...r };
  } finally {
    if (load) await load.stop();
    if (nginx) await nginx.stop();
    for (const child of apps.values()) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const h = Object.assign({}, ...(await loadTestHelpers(['nginx.ts', 'nginx-config.ts', 'http-load.ts'])));
const which = opt('variant', 'all');
const passes = Number(opt('passes', '5'));
const names = which === 'all' ? Object.keys(variants) : which.split(',');
for (const name of names) {
  const extra = { mainExtra: opt('main-extra', ''), httpExtra: opt('http-extra', ''), serverParams: opt('server-params', ''), connections: opt('connections', '') && Number(opt('connections', '')) };
  const v = { ...base, ...Object.fromEntries(Object.entries(extra).filter(([, x]) => x)), ...variants[name] };
  const r = await runVariant(h, name, v, passes);
  console.log(
    `${name.padEnd(30)} passes=${r.passes} reloads=${r.reloads} requests=${r.requests} failures=${r.failures} retries=${r.retries} time=${r.ms}ms perPass=${r.msPerPass}ms errors=${JSON.stringify(r.errors)} served=${JSON.stringify(r.byBody)}`,
  );
}
