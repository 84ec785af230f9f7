// `npm run build`, after tsc: builds dist/bin/pmdaemon.cjs, the package's bin, from src/bin/pmdaemon.ts (issue #3 §6).
// One CommonJS file, version inlined: ping and list --json start node with no ES module loader, no package.json
// read and no other module of ours; every other command loads the ES-module CLI that tsc wrote in dist/.
// The file is also a sh script (src/bin/launcher.sh, hidden from JS in a comment), which is what a user's
// `pmdaemon` runs; `node dist/bin/pmdaemon.cjs` skips it and behaves the same, only slower with NODE_EXTRA_CA_CERTS.
import fs from 'node:fs';
import { inRepo, oneFileBundle } from './lib/one-file-bundle.mjs';

const input = inRepo('src/bin/pmdaemon.ts');
const file = inRepo('dist/bin/pmdaemon.cjs');
const launcher = fs.readFileSync(inRepo('src/bin/launcher.sh'), 'utf8');
const { version } = JSON.parse(fs.readFileSync(inRepo('package.json'), 'utf8'));
const VERSION_MODULE = inRepo('src/cli/commands/version.ts');
const CLI_MAIN = '../cli/main.js';

/** version.ts reads package.json next to the ES modules at run time; the bundle knows its version when built. */
const inlineVersion = {
  name: 'inline-version',
  load: (id) => (id === VERSION_MODULE ? `export function packageVersion() { return ${JSON.stringify(version)}; }` : null),
};

/** `#!/bin/sh` then `':' /*`: sh runs the launcher (it ends in exec), JS sees a string and a comment. */
function polyglot(sh, js) {
  if (!sh.startsWith('#!/bin/sh\n') || sh.includes('*/')) throw new Error('launcher.sh must start with #!/bin/sh and never contain */');
  return `#!/bin/sh\n':' /*\n${sh.slice('#!/bin/sh\n'.length)}*/\n${js.replace(/^#!.*\n/, '')}`;
}

await oneFileBundle({
  label: 'bundle-cli',
  input,
  file,
  options: {
    plugins: [inlineVersion],
    // The full CLI stays the ES modules tsc wrote, loaded only when the fast path hands over.
    external: (id, importer) => id === CLI_MAIN && importer === input,
  },
  output: { format: 'cjs' },
  finish: (code) => polyglot(launcher, code),
  mode: 0o755,
});
