// `npm run build`, after tsc: bundles dist/bin/pmdaemon-daemon.js (the daemon and every module it
// loads) into dist/bin/pmdaemon-daemon.cjs, the file the CLI starts (src/client/spawn-daemon.ts).
// One CommonJS file instead of ~110 ES modules: the daemon idles in 44.4 MB, not 49.8 (issue #3 §6;
// REPS=5 node bench/vs-pm2/daemon-rss-probe.mjs). Its node flags are DAEMON_NODE_FLAGS.
import path from 'node:path';
import { inRepo, oneFileBundle } from './lib/one-file-bundle.mjs';

const input = inRepo('dist/bin/pmdaemon-daemon.js');
const file = inRepo('dist/bin/pmdaemon-daemon.cjs');
const BUNDLE_URL = '__pmdaemonBundleUrl';

/**
 * Modules find files next to them (package.json for the version) with `new URL(rel, import.meta.url)`:
 * each one gets the URL it had in dist/, computed from where the bundle is at run time.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  transform(code, id) {
    if (!code.includes('import.meta')) return null;
    const rel = path.relative(path.dirname(file), id).split(path.sep).join('/');
    const rewritten = code.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, ${BUNDLE_URL}).href`);
    // CommonJS has no import.meta: anything but .url would silently become undefined.
    if (rewritten.includes('import.meta')) throw new Error(`${id} uses import.meta beyond .url, which the daemon bundle cannot keep`);
    return rewritten;
  },
};

await oneFileBundle({
  label: 'bundle-daemon',
  input,
  file,
  options: { plugins: [keepModuleUrls] },
  output: {
    format: 'cjs',
    // The sources are ES modules, so strict mode code.
    strict: true,
    intro: `const ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;`,
    // start-daemon's import('./daemon-main.js') is inlined, and still evaluated only when reached.
    // Unminified keeps stack traces in daemon.log readable; minified idled at 44.6 MB vs 44.8 (noise).
  },
});
