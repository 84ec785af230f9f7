import fs from 'node:fs';
import path from 'node:path';
import { instances, spec, supervisor } from './common.mjs';

const TOTAL = 1024 * 1024 * 1024;
const FLOOD = `
const chunk = Buffer.alloc(65536, 'x'); chunk[65535] = 10;
let sent = 0;
(function pump() { while (sent < ${TOTAL}) { sent += 65536; if (!process.stdout.write(chunk)) return process.stdout.once('drain', pump); } })();
setInterval(() => {}, 1 << 30);`;

/** 1 GiB from one child through the supervisor into rotating files; RSS sampled every 100 ms. */
export async function run() {
  const sup = supervisor();
  let bytes = 0;
  let first = 0;
  let last = 0;
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  sup.logs.onChunk((c) => {
    if (first === 0) first = performance.now();
    bytes += c.data.length;
    last = performance.now();
    if (bytes >= TOTAL) done();
  });
  const rss0 = process.memoryUsage.rss();
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  await sup.addApp(spec({ name: 'flood', script: process.execPath, args: ['-e', FLOOD], log_max_size: '10M', log_retain: 5 }));
  await finished;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const logs = path.dirname(sup.logs.paths('flood', 0).out);
  const onDisk = fs.readdirSync(logs).filter((f) => f.startsWith('flood-0-out')).length;
  await sup.shutdown();
  if (instances(sup, 'flood')[0].status !== 'stopped') throw new Error('flood did not stop');
  return { ingest: bytes / (1024 * 1024) / ((last - first) / 1000), ingestRss: (peak - rss0) / 1e6, ingestFiles: onDisk };
}
