// Turns a `tmux capture-pane -p -e -N` screen into an HTML page drawn on an exact character grid.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A dark palette for the 16 ANSI colours (Tomorrow Night, with a readable bright black for 'gray'). */
export const PALETTE = [
  '#282a2e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#c5c8c6',
  '#7f848e', '#ff7b86', '#b5e890', '#ffd68a', '#7dc4ff', '#de9bf0', '#74d4df', '#f2f2f2',
];
export const BACKGROUND = '#1d1f21';
export const FOREGROUND = '#c5c8c6';
const FONT_FAMILY = "'DejaVu Sans Mono', 'Liberation Mono', monospace";
/** Advance width of DejaVu Sans Mono (1233/2048 em); other monospace fonts are within a few %. */
const CHAR_WIDTH_EM = 0.6021;

const DEFAULT_STYLE = Object.freeze({ fg: null, bg: null, bold: false, dim: false, italic: false, underline: false, strike: false, inverse: false, hidden: false });

/** The colour of xterm's 256-colour index `n`. */
export function color256(n) {
  if (n < 16) return PALETTE[n];
  if (n < 232) {
    const levels = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return rgb(levels[Math.floor(i / 36)], levels[Math.floor(i / 6) % 6], levels[i % 6]);
  }
  const gray = 8 + 10 * (n - 232);
  return rgb(gray, gray, gray);
}

function rgb(r, g, b) {
  return `#${[r, g, b].map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0')).join('')}`;
}

/** The style after one SGR sequence's parameters (`1;38;5;208`, `38:2::10:20:30`, `0`). */
export function applySgr(style, params) {
  const next = { ...style };
  const codes = params === '' ? ['0'] : params.split(';');
  for (let i = 0; i < codes.length; i++) {
    const [head, ...sub] = (codes[i] ?? '').split(':');
    const code = Number(head || '0');
    if (code === 38 || code === 48 || code === 58) {
      // Extended colour: `38;5;n` / `38;2;r;g;b`, or the colon forms `38:5:n` / `38:2:[id]:r:g:b`.
      const args = sub.length > 0 ? sub : codes.slice(i + 1);
      const rgbArgs = sub.length >= 5 ? sub.slice(-3) : args.slice(1, 4);
      const value = args[0] === '5' ? color256(Number(args[1])) : args[0] === '2' ? rgb(...rgbArgs.map(Number)) : null;
      const used = sub.length > 0 ? 0 : args[0] === '5' ? 2 : args[0] === '2' ? 4 : 0;
      if (code === 38) next.fg = value;
      if (code === 48) next.bg = value;
      i += used;
      continue;
    }
    if (code === 0) Object.assign(next, DEFAULT_STYLE);
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = sub[0] !== '0';
    else if (code === 7) next.inverse = true;
    else if (code === 8) next.hidden = true;
    else if (code === 9) next.strike = true;
    else if (code === 21 || code === 24) next.underline = false;
    else if (code === 22) Object.assign(next, { bold: false, dim: false });
    else if (code === 23) next.italic = false;
    else if (code === 27) next.inverse = false;
    else if (code === 28) next.hidden = false;
    else if (code === 29) next.strike = false;
    else if (code >= 30 && code <= 37) next.fg = PALETTE[code - 30];
    else if (code === 39) next.fg = null;
    else if (code >= 40 && code <= 47) next.bg = PALETTE[code - 40];
    else if (code === 49) next.bg = null;
    else if (code >= 90 && code <= 97) next.fg = PALETTE[code - 90 + 8];
    else if (code >= 100 && code <= 107) next.bg = PALETTE[code - 100 + 8];
  }
  return next;
}

/** Columns a character takes: two for CJK and emoji, as terminals draw them. */
export function charColumns(char) {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x1f680 && code <= 0x1f6ff) ||
    (code >= 0x1f900 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * Splits a captured screen into rows of style runs. Styles carry across rows, as in tmux's
 * capture; rows are cut at `cols` and padded to it in the default style.
 */
export function parseScreen(text, cols, rows) {
  const lines = text.replace(/\r/g, '').split('\n').slice(0, rows);
  while (lines.length < rows) lines.push('');
  let style = { ...DEFAULT_STYLE };
  return lines.map((line) => {
    const runs = [];
    let used = 0;
    const add = (chars, runStyle) => {
      const last = runs[runs.length - 1];
      if (last && last.style === runStyle) last.text += chars;
      else runs.push({ text: chars, style: runStyle });
    };
    // eslint-disable-next-line no-control-regex
    const tokens = line.split(/(\x1b\[[0-9;:?]*[A-Za-z])/);
    for (const token of tokens) {
      if (token.startsWith('\x1b[')) {
        if (token.endsWith('m')) style = applySgr(style, token.slice(2, -1));
        continue;
      }
      for (const char of token) {
        // eslint-disable-next-line no-control-regex
        if (/[\x00-\x1f\x7f]/.test(char)) continue;
        const size = charColumns(char);
        if (used + size > cols) break;
        add(char, style);
        used += size;
      }
    }
    if (used < cols) add(' '.repeat(cols - used), DEFAULT_STYLE);
    return runs;
  });
}

function css(style) {
  let fg = style.fg ?? FOREGROUND;
  let bg = style.bg;
  if (style.inverse) [fg, bg] = [bg ?? BACKGROUND, fg];
  if (style.dim) fg = mix(fg, bg ?? BACKGROUND, 0.45);
  if (style.hidden) fg = bg ?? BACKGROUND;
  const rules = [];
  if (fg !== FOREGROUND) rules.push(`color:${fg}`);
  if (bg) rules.push(`background:${bg}`);
  if (style.bold) rules.push('font-weight:bold');
  if (style.italic) rules.push('font-style:italic');
  const lines = [style.underline && 'underline', style.strike && 'line-through'].filter(Boolean);
  if (lines.length > 0) rules.push(`text-decoration:${lines.join(' ')}`);
  return rules.join(';');
}

function mix(a, b, amount) {
  const pa = parseHex(a);
  const pb = parseHex(b);
  return rgb(...pa.map((v, i) => Math.round(v * (1 - amount) + (pb[i] ?? 0) * amount)));
}

function parseHex(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A wide character sits in a box of exactly two cells, whatever width the fallback font gives it.
function cellsHtml(text) {
  let out = '';
  for (const char of text) out += charColumns(char) === 2 ? `<span class="w">${escapeHtml(char)}</span>` : escapeHtml(char);
  return out;
}

/**
 * An HTML page showing the screen on a `cols` x `rows` grid, and the window size (CSS pixels)
 * that fits it exactly.
 */
export function ansiToHtml(text, { cols, rows, fontSize = 15, lineHeight = 1.17, padding = 12, title = 'pmdaemon' }) {
  const rowHeight = Math.round(fontSize * lineHeight);
  const body = parseScreen(text, cols, rows)
    .map((runs) =>
      runs
        .map((run) => {
          const style = css(run.style);
          return style === '' ? cellsHtml(run.text) : `<span style="${style}">${cellsHtml(run.text)}</span>`;
        })
        .join(''),
    )
    .map((row) => `<div class="r">${row}</div>`)
    .join('');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
html,body{margin:0;padding:0;background:${BACKGROUND};overflow:hidden}
.screen{padding:${padding}px;color:${FOREGROUND};font-family:${FONT_FAMILY};font-size:${fontSize}px;font-variant-ligatures:none;width:${cols}ch}
.r{white-space:pre;height:${rowHeight}px;line-height:${rowHeight}px;overflow:hidden}
.w{display:inline-block;width:2ch;text-align:center}
</style></head><body><div class="screen">${body}</div></body></html>
`;
  const width = Math.ceil(cols * CHAR_WIDTH_EM * fontSize) + 2 * padding;
  const height = rows * rowHeight + 2 * padding;
  return { html, width, height };
}

// `node ansi-to-html.mjs <capture> <cols> <rows> [out.html]`: converts one capture file.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, cols, rows, out] = process.argv.slice(2);
  if (!file || !cols || !rows) {
    process.stderr.write('usage: node scripts/screenshots/ansi-to-html.mjs <capture.ansi> <cols> <rows> [out.html]\n');
    process.exit(2);
  }
  const { html } = ansiToHtml(fs.readFileSync(file, 'utf8'), { cols: Number(cols), rows: Number(rows) });
  if (out) fs.writeFileSync(out, html);
  else process.stdout.write(html);
}
