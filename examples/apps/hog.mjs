// Grows its memory steadily so max_memory_restart has something to catch; serves HTTP if PORT is set.
import http from 'node:http';

const mbPerSecond = Number(process.env.HOG_MB_PER_SEC ?? 20);
// A ceiling so running it by hand never eats the machine: past it, the hog just holds steady.
const maxMb = Number(process.env.HOG_MAX_MB ?? 1024);
const instance = process.env.INSTANCE_ID ?? process.env.NODE_APP_INSTANCE ?? '0';
const app = process.env.PMDAEMON_APP ?? 'hog';
const name = `${app}-${instance}`;
const chunks = [];

function rssMb() {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

const grow = setInterval(() => {
  if ((chunks.length + 1) * mbPerSecond <= maxMb) {
    // fill() touches every page, so the memory really becomes resident (RSS), not just reserved.
    chunks.push(Buffer.allocUnsafe(mbPerSecond * 1024 * 1024).fill(chunks.length % 256));
  }
  console.log(`${name} holding ${chunks.length * mbPerSecond} MB, rss ${rssMb()} MB`);
}, 1000);

let server;
if (process.env.PORT) {
  const port = Number(process.env.PORT);
  server = http.createServer((req, res) => {
    if (req.url === '/health') return res.end('ok');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ app, instance, port, pid: process.pid, rssMb: rssMb() }));
  });
  server.listen(port, process.env.HOST ?? '0.0.0.0', () => console.log(`${name} listening on ${port}`));
}
console.log(`${name} started (pid ${process.pid}), growing ${mbPerSecond} MB/s up to ${maxMb} MB`);

function shutdown() {
  clearInterval(grow);
  if (!server) process.exit(0);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
