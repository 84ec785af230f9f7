// `npm run bench`: every benchmark, one after another, each printing its figures and method.
import { execFileSync } from 'node:child_process';

const benches = [
  ['bench/supervisor.mjs'],
  ['bench/metrics-sample.mjs'],
  ['bench/vs-pm2.mjs'],
  ['bench/lb-vs-pm2.mjs'],
  ['bench/tui.mjs'],
];
let failed = false;
for (const args of benches) {
  console.log(`\n$ node ${args.join(' ')}`);
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
