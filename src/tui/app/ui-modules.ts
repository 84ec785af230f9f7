// What the TUI loads only once it draws: the build bundles this file (Ink, React and every component)
// into dist/tui/ui-bundle.js, because loading Ink's ~100 files one by one costs ~0.7 s at start.
export { render } from 'ink';
export { createElement } from 'react';
export { App } from './App.js';
