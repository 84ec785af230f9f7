// Matching escape sequences is the point of these patterns.
/* eslint-disable no-control-regex */

/** An SGR sequence (colours and text attributes), the only escape a sanitised line keeps. */
export const SGR_GLOBAL = /\x1b\[[0-9;:]*m/g;
/** The same, anchored at `lastIndex` (for scanning a line). */
const SGR_STICKY = /\x1b\[[0-9;:]*m/y;
/** An SGR that resets every attribute (`ESC[m`, `ESC[0m`, `ESC[0;0m`). */
export const SGR_RESET_ONLY = /^\x1b\[[0;]*m$/;
/** A character the sanitiser must rewrite: C0 controls (tab and ESC included), DEL, C1. */
export const CONTROL_CHARACTER = /[\x00-\x1f\x7f-\x9f]/;
/** A line made of SGRs and non-control characters only (one character per step: linear). */
export const SGR_AND_TEXT_ONLY = /^(?:[^\x00-\x1f\x7f-\x9f]|\x1b\[[0-9;:]*m)*$/;
/** Half of a surrogate pair without its other half. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const SGR_RESET = '\x1b[0m';

/** Legit SGRs are short (`ESC[38;2;255;255;255;48;2;0;0;0;1m` is 36): longer ones only bloat memory. */
export const MAX_SGR_LENGTH = 64;
/** An SGR longer than MAX_SGR_LENGTH. */
export const LONG_SGR = /\x1b\[[0-9;:]{62,}m/;

/** The SGR sequence starting at `index` of `text`, if one does. */
export function sgrAt(text: string, index: number): string | undefined {
  SGR_STICKY.lastIndex = index;
  return SGR_STICKY.exec(text)?.[0];
}
