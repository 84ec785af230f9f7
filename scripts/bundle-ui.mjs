// `npm run build`, after tsc: bundles dist/tui/app/ui-modules.js (Ink, React and every TUI component)
// into dist/tui/ui-bundle.js, which monit loads in one file instead of Ink's ~100 (issue #4 §7, first frame).
// run-tui loads it only when NODE_ENV is production, because React's production build is inlined here.
import path from 'node:path';
import { inRepo, oneFileBundle } from './lib/one-file-bundle.mjs';

const input = inRepo('dist/tui/app/ui-modules.js');
const file = inRepo('dist/tui/ui-bundle.js');
const DEVTOOLS_STUB = '\0ink-devtools-stub';
const fromInk = (importer) => importer?.includes(`${path.sep}node_modules${path.sep}ink${path.sep}`);

/** Ink loads React DevTools (react-devtools-core, ws) only when DEV=true, and run-tui never loads the bundle then. */
const stubInkDevtools = {
  name: 'stub-ink-devtools',
  resolveId: (source, importer) => (source === './devtools.js' && fromInk(importer) ? DEVTOOLS_STUB : null),
  load: (id) => (id === DEVTOOLS_STUB ? 'export {};' : null),
};

/**
 * Parts of Ink swapped for ours (src/tui/ink), with the same results: Output and widest-line remember
 * rows and widths across frames (Ink re-measured and re-tokenized the whole screen for every frame,
 * ~20 ms of a key's ~26 ms frame at 120x40); measure-text forgets (Ink's cache kept every log line shown).
 */
const INK_REPLACEMENTS = {
  './output.js': inRepo('dist/tui/ink/output.js'),
  'widest-line': inRepo('dist/tui/ink/widest-line.js'),
  './measure-text.js': inRepo('dist/tui/ink/measure-text.js'),
};
const replaced = new Set();
const replaceInkParts = {
  name: 'replace-ink-parts',
  resolveId(source, importer) {
    if (!fromInk(importer) || !INK_REPLACEMENTS[source]) return null;
    replaced.add(source);
    return INK_REPLACEMENTS[source];
  },
  // An Ink upgrade that renames these imports must not quietly bring the slow frames back.
  buildEnd() {
    const missed = Object.keys(INK_REPLACEMENTS).filter((source) => !replaced.has(source));
    if (missed.length > 0) throw new Error(`bundle-ui: Ink no longer imports ${missed.join(', ')}; check src/tui/ink against Ink's build/ and update INK_REPLACEMENTS`);
  },
};

await oneFileBundle({
  label: 'bundle-ui',
  input,
  file,
  options: {
    plugins: [stubInkDevtools, replaceInkParts],
    // React, react-reconciler and scheduler pick their build by NODE_ENV: the production one alone gets bundled.
    transform: { define: { 'process.env.NODE_ENV': JSON.stringify('production') } },
  },
  // Unminified loads as fast here (measured), and keeps stack traces readable. The stubbed DevTools
  // import is Ink's only dynamic import besides node:fs.
  output: { format: 'esm' },
});
