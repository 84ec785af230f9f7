// `npm run build`, after tsc: bundles dist/tui/app/ui-modules.js (Ink, React and every TUI component)
// into dist/tui/ui-bundle.js, which monit loads in one file instead of Ink's ~100 (issue #4 §7, first frame).
// run-tui loads it only when NODE_ENV is production, because React's production build is inlined here.
import path from 'node:path';
import { inRepo, oneFileBundle } from './lib/one-file-bundle.mjs';

const input = inRepo('dist/tui/app/ui-modules.js');
const file = inRepo('dist/tui/ui-bundle.js');
const DEVTOOLS_STUB = '\0ink-devtools-stub';

/** Ink loads React DevTools (react-devtools-core, ws) only when DEV=true, and run-tui never loads the bundle then. */
const stubInkDevtools = {
  name: 'stub-ink-devtools',
  resolveId: (source, importer) => (source === './devtools.js' && importer?.includes(`${path.sep}node_modules${path.sep}ink${path.sep}`) ? DEVTOOLS_STUB : null),
  load: (id) => (id === DEVTOOLS_STUB ? 'export {};' : null),
};

await oneFileBundle({
  label: 'bundle-ui',
  input,
  file,
  options: {
    plugins: [stubInkDevtools],
    // React, react-reconciler and scheduler pick their build by NODE_ENV: the production one alone gets bundled.
    transform: { define: { 'process.env.NODE_ENV': JSON.stringify('production') } },
  },
  // Unminified loads as fast here (measured), and keeps stack traces readable. The stubbed DevTools
  // import is Ink's only dynamic import besides node:fs.
  output: { format: 'esm' },
});
