// A tiny HTTP app for the examples: reports which instance answered, optionally calling a backend.
import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const app = process.env.PMDAEMON_APP ?? 'server';
const instance = process.env.INSTANCE_ID ?? process.env.NODE_APP_INSTANCE ?? '0';
const role = process.env.ROLE ?? 'web';
const backends = (process.env.BACKEND_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
let nextBackend = 0;

function log(line) {
  console.log(`${new Date().toISOString()} ${app}-${instance} ${line}`);
}

function getJson(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body));
        } catch {
          resolve(body);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${url} did not answer within 2 s`)));
    req.on('error', reject);
  });
}

function send(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(text);
}

async function handle(req, res) {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/health') return send(res, 200, 'ok');
  if (path !== '/') return send(res, 404, { error: 'not found' });
  const me = { app, instance, port, pid: process.pid, role };
  if (backends.length === 0) return send(res, 200, me);
  // Round robin over the backends, so repeated requests show every api instance.
  const url = backends[nextBackend++ % backends.length];
  try {
    return send(res, 200, { ...me, backend: await getJson(url) });
  } catch (error) {
    return send(res, 502, { ...me, backend: { url, error: error.message } });
  }
}

const server = http.createServer((req, res) => {
  const started = Date.now();
  res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
  handle(req, res).catch((error) => send(res, 500, { error: error.message }));
});

server.listen(port, host, () => log(`listening on ${host}:${port} (pid ${process.pid}, role ${role})`));

function shutdown(signal) {
  log(`${signal}: closing`);
  server.close(() => process.exit(0));
  // Idle keep-alive sockets would hold close() open until they time out.
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
