// `npm run screenshots`: runs the real TUI against the examples under tmux and saves PNGs in
// screenshots/. Needs tmux, chromium and a monospace font (apt-get install tmux chromium
// fonts-dejavu-core) and a build (npm run build).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureScreens } from './capture.mjs';

const cli = path.resolve('dist/bin/pmdaemon.js');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-shots-home-'));
const env = { ...process.env, PMDAEMON_HOME: home };
const run = (...args) => execFileSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
const log = (line) => console.log(line);

try {
  run('start', 'examples/three-tier.json5');
  run('start', 'examples/apps/server.mjs', '--name', 'checked', '--instances', '2', '--port', 'auto:4100-4200', '--health-url', 'http://127.0.0.1:${PORT}/health', '--health-interval', '2');
  // Some traffic, so logs and CPU have something to show.
  for (let k = 0; k < 30; k++) await fetch(`http://127.0.0.1:${8080 + (k % 3)}/`).catch(() => undefined);
  const monit = [process.execPath, cli, 'monit'];
  await captureScreens({
    cmd: monit,
    cols: 120,
    rows: 40,
    env: { PMDAEMON_HOME: home },
    log,
    steps: [
      { waitFor: /checked-1\s+online\s+healthy/, timeoutMs: 20_000, quietMs: 400, shot: 'grid' },
      { keys: ['j', 'j', 'l'], quietMs: 400, shot: 'logs' },
      { keys: ['l', 'd'], waitFor: 'memory', quietMs: 400, shot: 'details' },
      { keys: ['d', 't'], waitFor: 'connections', quietMs: 400, shot: 'topology' },
      { keys: ['t', 'c'], waitFor: 'cpu p95', quietMs: 400, shot: 'compare' },
      { keys: ['Escape'], resize: [80, 24], quietMs: 400, shot: 'grid-80x24' },
    ],
  });
} finally {
  try {
    run('kill');
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
