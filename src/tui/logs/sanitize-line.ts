import { CONTROL_CHARACTER, LONE_SURROGATE, LONG_SGR, MAX_SGR_LENGTH, SGR_AND_TEXT_ONLY, SGR_RESET, SGR_RESET_ONLY, sgrAt } from './sgr.js';

/** Visible characters a line keeps before it is clamped. */
export const MAX_LINE_CHARS = 2_000;

export interface SanitizeOptions {
  /** Visible characters kept before the line is clamped (default MAX_LINE_CHARS). */
  maxChars?: number;
  /** Columns between tab stops (default 8). */
  tabWidth?: number;
}

const ESC = 0x1b;

/**
 * Makes one line of child output safe to draw (child output is data): SGR colour sequences are
 * kept; every other complete escape sequence (cursor moves, erase, OSC titles and hyperlinks,
 * DCS…) is removed; lone or unfinished escapes and other control characters become visible caret
 * notation as `cat -v` prints them (`^[`, `^M`, `^G`, `^H`, `^?`, C1 as `M-^[`); a trailing `\r`
 * (CRLF) is dropped; tabs expand to spaces; lone surrogates become U+FFFD; the line is clamped
 * to `maxChars` visible characters followed by ` [+N chars]` (N = input UTF-16 units not shown);
 * a colour left open is reset at the end so it cannot bleed into the next row.
 */
export function sanitizeLine(line: string, options: SanitizeOptions = {}): string {
  const maxChars = options.maxChars ?? MAX_LINE_CHARS;
  if (line.length <= maxChars && !CONTROL_CHARACTER.test(line) && !LONE_SURROGATE.test(line)) return line;
  const coloured = line.includes('\x1b') ? onlyColoured(line, maxChars) : undefined;
  if (coloured !== undefined) return coloured;
  const tabWidth = options.tabWidth ?? 8;
  const n = line.length;
  let out = '';
  let runStart = 0;
  let visible = 0;
  let colourOpen = false;
  let sgrChars = 0;
  // Past this index no string terminator exists: stops rescans that would make a line quadratic.
  let noTerminatorFrom = n;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || (c > 0x9f && (c < 0xd800 || c > 0xdfff))) {
      if (visible === maxChars) break;
      visible++;
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(line.charCodeAt(i + 1))) {
      if (visible === maxChars) break;
      visible++;
      i += 2;
      continue;
    }
    let piece: string;
    let next = i + 1;
    if (c === ESC) {
      const end = escapeEnd(line, i, noTerminatorFrom);
      if (end === STRING_UNTERMINATED) noTerminatorFrom = i;
      if (end < 0) {
        piece = '^[';
      } else {
        next = end;
        // Other complete sequences (and SGRs past a sane budget) are removed.
        piece = sgrChars < maxChars * 4 ? keptSgr(line, i, end) : '';
        if (piece !== '') {
          sgrChars += piece.length;
          colourOpen = !SGR_RESET_ONLY.test(piece);
        }
      }
    } else if (c === 0x09) {
      piece = ' '.repeat(Math.min(tabWidth - (visible % tabWidth), maxChars - visible));
      if (piece === '') break;
    } else if (c === 0x0d && onlyCarriageReturnsFrom(line, i)) {
      piece = '';
      next = n;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      piece = '\ufffd';
    } else {
      piece = caret(c);
    }
    if (piece !== '' && piece.charCodeAt(0) !== ESC) {
      if (visible === maxChars) break;
      // A placeholder may not fit entirely: the clamp below then reports what was cut.
      const room = maxChars - visible;
      if (piece.length > room) piece = piece.slice(0, room);
      visible += piece.length;
    }
    out += line.slice(runStart, i) + piece;
    i = next;
    runStart = next;
  }
  out += line.slice(runStart, i);
  if (colourOpen) out += SGR_RESET;
  if (i < n) out += ` [+${n - i} chars]`;
  return out;
}

const STRING_UNTERMINATED = -2;

/** Fast path for the usual coloured line: SGRs and printable text only, within every limit. */
function onlyColoured(line: string, maxChars: number): string | undefined {
  if (line.length > maxChars || !SGR_AND_TEXT_ONLY.test(line) || LONE_SURROGATE.test(line) || LONG_SGR.test(line)) return undefined;
  const last = sgrAt(line, line.lastIndexOf('\x1b['));
  return last === undefined || SGR_RESET_ONLY.test(last) ? line : line + SGR_RESET;
}

/** Index just past the escape sequence starting at `start`, -1 if it is not a complete one. */
function escapeEnd(line: string, start: number, noTerminatorFrom: number): number {
  const n = line.length;
  if (start + 1 >= n) return -1;
  const kind = line.charCodeAt(start + 1);
  if (kind === 0x5b) return csiEnd(line, start + 2);
  // OSC ] DCS P SOS X PM ^ APC _: a string ended by BEL, ESC \ or ST (U+009C).
  if (kind === 0x5d || kind === 0x50 || kind === 0x58 || kind === 0x5e || kind === 0x5f) {
    if (start >= noTerminatorFrom) return STRING_UNTERMINATED;
    for (let j = start + 2; j < n; j++) {
      const c = line.charCodeAt(j);
      if (c === 0x07 || c === 0x9c) return j + 1;
      if (c === ESC && j + 1 < n && line.charCodeAt(j + 1) === 0x5c) return j + 2;
    }
    return STRING_UNTERMINATED;
  }
  let j = start + 1;
  while (j < n && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
  if (j < n && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x7e) return j + 1;
  return -1;
}

/** ECMA-48 CSI: parameter bytes, intermediate bytes, one final byte. */
function csiEnd(line: string, from: number): number {
  const n = line.length;
  let j = from;
  while (j < n && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x3f) j++;
  while (j < n && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
  if (j < n && line.charCodeAt(j) >= 0x40 && line.charCodeAt(j) <= 0x7e) return j + 1;
  return -1;
}

/** The sequence `line[start, end)` if it is an SGR we keep, else ''. */
function keptSgr(line: string, start: number, end: number): string {
  if (end - start > MAX_SGR_LENGTH || line.charCodeAt(start + 1) !== 0x5b || line.charCodeAt(end - 1) !== 0x6d) return '';
  return isSgr(line, start + 2, end - 1) ? line.slice(start, end) : '';
}

/** SGR parameters are digits, `;` and `:` only (`ESC[>4;2m` is modifyOtherKeys, not a colour). */
function isSgr(line: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = line.charCodeAt(j);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x3b || c === 0x3a)) return false;
  }
  return true;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function onlyCarriageReturnsFrom(line: string, from: number): boolean {
  for (let j = from; j < line.length; j++) if (line.charCodeAt(j) !== 0x0d) return false;
  return true;
}

/** `cat -v` notation: ^@..^_ for C0, ^? for DEL, M-^@..M-^_ for C1. */
function caret(c: number): string {
  if (c === 0x7f) return '^?';
  if (c >= 0x80) return `M-^${String.fromCharCode(c - 0x40)}`;
  return `^${String.fromCharCode(c + 0x40)}`;
}
