// PM2 from npm in a cache dir outside the repo: never a dependency of pmdaemon, installed on first use.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PM2_CACHE = path.join(os.tmpdir(), 'pmdaemon-bench-pm2');

/** Path of PM2's CLI script and its version, installing `pm2@latest` into PM2_CACHE if missing. */
export function ensurePm2(cacheDir = PM2_CACHE) {
  const bin = path.join(cacheDir, 'node_modules', 'pm2', 'bin', 'pm2');
  if (!fs.existsSync(bin)) {
    process.stderr.write(`installing pm2@latest into ${cacheDir} (npm) ...\n`);
    execFileSync('npm', ['install', '--prefix', cacheDir, 'pm2@latest', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(cacheDir, 'node_modules', 'pm2', 'package.json'), 'utf8'));
  return { bin, version };
}
