// widest-line's default export, for Ink in the UI bundle (scripts/bundle-ui.mjs swaps it in).
export { widestLine as default } from './string-width.js';
