// Log ingest benchmark: how fast the supervisor takes a child's flooded stdout onto disk, and
// how much its RSS grows meanwhile. Needs `npm run build` (imports ../dist).
//   node bench/log-ingest.mjs [--mib 1024] [--dir DIR] [--max-mib 10] [--retain 5] [--compare]
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MiB = 1024 * 1024;
const args = parseArgs(process.argv.slice(2));

const FLOOD_CHILD = `
const total = Number(process.argv[1]);
const chunk = Buffer.alloc(65536, 'x');
chunk[chunk.length - 1] = 10;
let sent = 0;
function pump() {
  while (sent < total) {
    sent += chunk.length;
    if (!process.stdout.write(chunk)) return process.stdout.once('drain', pump);
  }
}
pump();
`;

/** Modes, each run in a fresh process so RSS figures do not mix. */
const MODES = {
  pmdaemon: 'pipeLogs → RotatingFile (writeSync) + LineTail + onData, GC nudge every 4 MiB (as shipped)',
  'pmdaemon-no-gc': 'the same with the GC nudge off (ingestGc: null)',
  'write-stream': 'baseline: fs.createWriteStream, pause/resume on backpressure, no rotation',
  'discard': 'baseline: pipe only, chunks dropped (the ceiling of pipe + node)',
};

if (args.mode !== undefined) {
  process.stdout.write(`${JSON.stringify(await measure(args.mode))}\n`);
} else {
  await main();
}

async function main() {
  const modes = args.compare ? Object.keys(MODES) : ['pmdaemon'];
  const dir = args.dir ?? os.tmpdir();
  console.log(`log-ingest: a child (node) writes ${args.mib} MiB to stdout in 64 KiB writes as fast as it can`);
  console.log(`(honouring 'drain'); the parent ingests it into ${dir} (${fsType(dir)}), files rotated at`);
  console.log(`${args.maxMib} MiB keeping ${args.retain}. MiB/s = bytes / time from first to last chunk.`);
  console.log(`RSS growth = peak rss (sampled every 100 ms) - rss just before spawning the child.`);
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? '?'}\n`);
  console.log(`${'mode'.padEnd(16)}${'MiB/s'.padStart(8)}${'RSS growth'.padStart(13)}  what`);
  for (const mode of modes) {
    const result = runMode(mode, dir);
    const rss = `${(result.rssGrowth / 1e6).toFixed(1)} MB`;
    console.log(`${mode.padEnd(16)}${result.mibPerSecond.toFixed(0).padStart(8)}${rss.padStart(13)}  ${MODES[mode]}`);
    if (result.bytes !== args.mib * MiB) console.log(`  !! received ${result.bytes} bytes, expected ${args.mib * MiB}`);
  }
}

function runMode(mode, dir) {
  const work = fs.mkdtempSync(path.join(dir, 'pmd-bench-'));
  try {
    const self = fileURLToPath(import.meta.url);
    const out = execFileSync(process.execPath, [self, ...process.argv.slice(2), '--mode', mode, '--dir', work], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function measure(mode) {
  const sink = await makeSink(mode, path.join(args.dir, 'bench-0-out.log'));
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const child = spawn(process.execPath, ['-e', FLOOD_CHILD, String(args.mib * MiB)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let bytes = 0;
  let first;
  child.stdout.once('data', () => (first = process.hrtime.bigint()));
  sink.attach(child.stdout, (n) => (bytes += n));
  await new Promise((resolve) => child.on('close', resolve));
  const seconds = Number(process.hrtime.bigint() - first) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  sink.close();
  return { mode, bytes, seconds, mibPerSecond: bytes / MiB / seconds, rssGrowth: peak - rssBefore };
}

async function makeSink(mode, file) {
  if (mode === 'pmdaemon' || mode === 'pmdaemon-no-gc') {
    const logs = await import('../dist/supervisor/logs/index.js');
    const files = logs.createLogFiles();
    const rotating = files.acquire(file, { maxBytes: args.maxMib * MiB, retain: args.retain });
    const tail = logs.createLineTail();
    return {
      attach: (source, count) =>
        logs.pipeLogs({
          source,
          file: rotating,
          tail,
          onData: (chunk) => count(chunk.length),
          ...(mode === 'pmdaemon-no-gc' ? { ingestGc: null } : {}),
        }),
      close: () => files.closeAll(),
    };
  }
  if (mode === 'write-stream') {
    const stream = fs.createWriteStream(file, { flags: 'a' });
    return {
      attach: (source, count) =>
        source.on('data', (chunk) => {
          count(chunk.length);
          if (!stream.write(chunk)) {
            source.pause();
            stream.once('drain', () => source.resume());
          }
        }),
      close: () => stream.end(),
    };
  }
  if (mode === 'discard') return { attach: (source, count) => source.on('data', (c) => count(c.length)), close: () => {} };
  throw new Error(`unknown mode ${mode}; one of ${Object.keys(MODES).join(', ')}`);
}

function fsType(dir) {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown fs';
  }
}

function parseArgs(argv) {
  const parsed = { mib: 1024, maxMib: 10, retain: 5, compare: false, dir: undefined, mode: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--mib') parsed.mib = Number(value());
    else if (flag === '--max-mib') parsed.maxMib = Number(value());
    else if (flag === '--retain') parsed.retain = Number(value());
    else if (flag === '--dir') parsed.dir = value();
    else if (flag === '--mode') parsed.mode = value();
    else if (flag === '--compare') parsed.compare = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return parsed;
}
