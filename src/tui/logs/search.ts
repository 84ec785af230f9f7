import { SGR_GLOBAL, SGR_RESET, SGR_RESET_ONLY, sgrAt } from './sgr.js';

/** One match of the query: the line (index in the searched list) and which match in that line. */
export interface SearchHit {
  line: number;
  occurrence: number;
}

/** A run of a highlighted line; `text` of a non-match run may carry the line's SGR sequences. */
export interface HighlightSegment {
  text: string;
  match: boolean;
  /** The match the search cursor is on. */
  current: boolean;
}

/** The text of a sanitised line without its colours. */
export function stripSgr(line: string): string {
  return line.includes('\x1b') ? line.replace(SGR_GLOBAL, '') : line;
}

/** Every match of `query` (plain text, case-insensitive, colours ignored) in `lines`, in order. */
export function findHits(lines: readonly string[], query: string): SearchHit[] {
  const hits: SearchHit[] = [];
  if (query === '') return hits;
  const needle = foldCase(query);
  for (const [line, text] of lines.entries()) {
    const count = matchRanges(foldCase(stripSgr(text)), needle).length;
    for (let occurrence = 0; occurrence < count; occurrence++) hits.push({ line, occurrence });
  }
  return hits;
}

/** The hit after (`direction` 1) or before (-1) `current`, wrapping; from none (-1) back = last. */
export function stepHit(current: number, total: number, direction: 1 | -1): number {
  if (total === 0) return -1;
  if (current < 0 || current >= total) return direction === 1 ? 0 : total - 1;
  return (current + direction + total) % total;
}

/**
 * Splits a sanitised line into match and non-match runs. Colours are kept around matches: a
 * match is plain text (the pane draws it in the highlight style), SGRs met inside it are applied
 * after it, and the run after a match re-establishes the line's colour state (reset + the SGRs
 * in force), because the highlight's own closing codes would otherwise end the line's colour.
 */
export function highlight(line: string, query: string, currentOccurrence = -1): HighlightSegment[] {
  const plain = stripSgr(line);
  const ranges = query === '' ? [] : matchRanges(foldCase(plain), foldCase(query));
  if (ranges.length === 0) return [{ text: line, match: false, current: false }];
  const segments: HighlightSegment[] = [];
  let matches = 0;
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    segments.push({ text, match, current: match && matches === currentOccurrence });
    if (match) matches++;
  };
  let run = '';
  let inMatch = false;
  let styled = false;
  let active = '';
  let pos = 0;
  let range = 0;
  let i = 0;
  while (i < line.length) {
    if (line.charCodeAt(i) === 0x1b) {
      const sgr = sgrAt(line, i);
      if (sgr !== undefined) {
        styled = true;
        active = SGR_RESET_ONLY.test(sgr) ? '' : active + sgr;
        if (!inMatch) run += sgr;
        i += sgr.length;
        continue;
      }
    }
    const bounds = ranges[range];
    if (!inMatch && bounds !== undefined && pos === bounds[0]) {
      push(run, false);
      run = '';
      inMatch = true;
    }
    run += line[i];
    i++;
    pos++;
    if (inMatch && bounds !== undefined && pos === bounds[1]) {
      push(run, true);
      run = styled ? SGR_RESET + active : '';
      inMatch = false;
      range++;
    }
  }
  push(run, inMatch);
  return segments;
}

/** Non-overlapping [start, end) ranges of `needle` in `haystack`, left to right. */
function matchRanges(haystack: string, needle: string): [number, number][] {
  const ranges: [number, number][] = [];
  if (needle === '') return ranges;
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    ranges.push([at, at + needle.length]);
    at = haystack.indexOf(needle, at + needle.length);
  }
  return ranges;
}

/** Lower case that keeps every UTF-16 offset in place (a few characters change length when lowered). */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const folded = char.toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}
