// A private nginx on 127.0.0.1 in a temp dir (no root-owned paths), in front of an included
// upstream file; ported from test/helpers/nginx.ts and nginx-config.ts.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { liveChildren, liveGroupMembers } from './proc-tree.mjs';
import { waitFor } from '../vs-pm2/proc.mjs';

const run = promisify(execFile);

/** Path of the nginx binary: $NGINX_BIN, else Debian's /usr/sbin/nginx, else `nginx` on PATH. */
export function nginxBinary() {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  return fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

/** nginx.conf: foreground master, 2 workers, upstream keep-alive, retry the next server on error/502/503. */
export function nginxConfig({ dir, listenPort, includeFile, upstream, userRoot }) {
  const at = (name) => JSON.stringify(path.join(dir, name));
  return `${userRoot ? 'user root;\n' : ''}daemon off;
worker_processes 2;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${at('client_body_temp')};
  proxy_temp_path ${at('proxy_temp')};
  fastcgi_temp_path ${at('fastcgi_temp')};
  uwsgi_temp_path ${at('uwsgi_temp')};
  scgi_temp_path ${at('scgi_temp')};
  include ${JSON.stringify(includeFile)};
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`;
}

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

function answers(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/**
 * Starts nginx on 127.0.0.1:`listenPort` with its files in `dir`. `reloadCommand` is a shell
 * command for `reload_cmd` that also appends a line to `reloadsFile`, so reloads can be counted.
 */
export async function startNginx({ dir, listenPort, includeFile, upstream }) {
  const confFile = path.join(dir, 'nginx.conf');
  const errorLog = path.join(dir, 'error.log');
  const reloadsFile = path.join(dir, 'reloads');
  // As root, workers would become `nobody` and could not enter the 0700 temp dir.
  fs.writeFileSync(confFile, nginxConfig({ dir, listenPort, includeFile, upstream, userRoot: process.getuid?.() === 0 }));
  const bin = nginxBinary();
  const args = ['-p', dir, '-c', confFile, '-e', errorLog];
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', (error) => (stderr += error.message));
  const masterPid = child.pid;
  const url = `http://127.0.0.1:${listenPort}/`;
  let stopping;
  const handle = {
    url,
    masterPid,
    reloadCommand: `echo >> ${quote(reloadsFile)}; ${[bin, ...args, '-s', 'reload'].map(quote).join(' ')}`,
    /** How many times `reloadCommand` has run. */
    reloads: () => (fs.existsSync(reloadsFile) ? fs.readFileSync(reloadsFile, 'utf8').length : 0),
    workerPids: () => (masterPid === undefined ? [] : liveChildren(masterPid)),
    reload: () => run(bin, [...args, '-s', 'reload'], { timeout: 10_000 }),
    stop() {
      stopping ??= masterPid === undefined ? Promise.resolve() : stopGroup(masterPid);
      return stopping;
    },
  };
  try {
    await waitFor(() => {
      if (exited || masterPid === undefined) throw new Error(`nginx (${bin}) exited at start: ${stderr.trim()}`);
      return answers(url);
    }, 10_000, `nginx to answer on ${url}`);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

/** Fast shutdown (SIGTERM) of the whole group, then SIGKILL if anything is left after 5 s. */
async function stopGroup(pgid) {
  const signal = (sig) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // Group already gone.
    }
  };
  signal('SIGTERM');
  try {
    await waitFor(() => liveGroupMembers(pgid).length === 0, 5000, 'nginx to exit', 10);
  } catch {
    signal('SIGKILL');
    await waitFor(() => liveGroupMembers(pgid).length === 0, 5000, 'nginx to die', 10);
  }
}
