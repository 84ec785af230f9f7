import type { HealthStatus, InstanceStatus } from '../../supervisor/types.js';
import type { Theme } from '../theme.js';

/** What a piece of text means; the theme turns it into a colour (or none). */
export type Tone = { status: InstanceStatus } | { health: HealthStatus } | 'accent' | 'dim' | 'warn' | 'error' | 'ok';

/** A run of text with one meaning. */
export interface Segment {
  text: string;
  tone?: Tone;
}

/** One screen line as segments, shared by the Ink views and the plain-text renderers. */
export type StyledLine = readonly Segment[];

/** The colour a tone has in a theme; undefined when the theme has no colour. */
export function toneColor(theme: Theme, tone: Tone | undefined): string | undefined {
  if (tone === undefined) return undefined;
  if (typeof tone === 'object') return 'status' in tone ? theme.status(tone.status) : theme.health(tone.health);
  return theme[tone];
}

export function lineWidth(line: StyledLine): number {
  return line.reduce((sum, s) => sum + s.text.length, 0);
}

/** Cuts a line to `width` columns, ending a cut line with `ellipsis`. */
export function fitLine(line: StyledLine, width: number, ellipsis: string): StyledLine {
  if (lineWidth(line) <= width) return line;
  const room = Math.max(0, width - ellipsis.length);
  const out: Segment[] = [];
  let used = 0;
  for (const segment of line) {
    if (used >= room) break;
    const text = segment.text.slice(0, room - used);
    out.push({ ...segment, text });
    used += text.length;
  }
  if (width >= ellipsis.length) out.push({ text: ellipsis, tone: 'dim' });
  return out;
}

export function plainText(line: StyledLine): string {
  return line.map((s) => s.text).join('');
}

// The theme's colour names as SGR codes, for text commands printing to a terminal.
const SGR: Readonly<Record<string, number>> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90 };

/** A line with ANSI colours from `theme` (none when the theme has no colour). */
export function ansiText(line: StyledLine, theme: Theme): string {
  return line
    .map((s) => {
      const code = SGR[toneColor(theme, s.tone) ?? ''];
      return code === undefined || s.text === '' ? s.text : `\x1b[${code}m${s.text}\x1b[39m`;
    })
    .join('');
}
