// Ink 6.8's Output (ink/build/output.js) with memory across frames: the UI bundle puts this class in
// its place (scripts/bundle-ui.mjs). Ink builds a new Output per frame, so it re-tokenized every
// character of the 120x40 screen each time: ~20 ms of a ~26 ms key frame here. The result is the same
// string, byte for byte (test/unit/tui/ink/output.test.ts runs both); only unchanged rows are reused.
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import { boundedMemo } from './bounded-memo.js';
import { stringWidth, widestLine } from './string-width.js';

type Transformer = (line: string, index: number) => string;
interface Clip {
  x1: number | undefined;
  x2: number | undefined;
  y1: number | undefined;
  y2: number | undefined;
}
type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };

// Kept small: a line's characters are objects, ~10 KB for a 120-column line.
const styledChars = boundedMemo((line: string): StyledChar[] => styledCharsFromTokens(tokenize(line)), 500);

/** Finished rows by what was written to them: this frame's and the last one's, so only two frames are kept. */
let lastRows = new Map<string, string>();

export default class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    // What each row receives, in order: [x, line] pairs, after clipping and transformers.
    const writes: Array<Array<[number, string]>> = Array.from({ length: this.height }, () => []);
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      else if (operation.type === 'unclip') clips.pop();
      else this.place(operation, clips.at(-1), writes);
    }
    const rows = new Map<string, string>();
    const output = writes.map((pieces) => {
      const key = `${this.width}\u0001${pieces.map(([x, line]) => `${x}\u0000${line}`).join('\u0001')}`;
      let row = rows.get(key) ?? lastRows.get(key);
      if (row === undefined) row = this.paint(pieces);
      rows.set(key, row);
      return row;
    });
    lastRows = rows;
    return { output: output.join('\n'), height: output.length };
  }

  /** Ink's clipping of one write, then its lines handed to the rows they land on. */
  private place(operation: Extract<Operation, { type: 'write' }>, clip: Clip | undefined, writes: Array<Array<[number, string]>>): void {
    const { text, transformers } = operation;
    let { x, y } = operation;
    let lines = text.split('\n');
    if (clip) {
      const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) return;
      if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) return;
      if (clipHorizontally) {
        const { x1, x2 } = clip as { x1: number; x2: number };
        lines = lines.map((line) => {
          const from = x < x1 ? x1 - x : 0;
          const width = stringWidth(line);
          const to = x + width > x2 ? x2 - x : width;
          return sliceAnsi(line, from, to);
        });
        if (x < x1) x = x1;
      }
      if (clipVertically) {
        const { y1, y2 } = clip as { y1: number; y2: number };
        const from = y < y1 ? y1 - y : 0;
        const to = y + lines.length > y2 ? y2 - y : lines.length;
        lines = lines.slice(from, to);
        if (y < y1) y = y1;
      }
    }
    let offsetY = 0;
    for (const [index, text] of lines.entries()) {
      const row = writes[y + offsetY];
      // As in Ink: a line off the screen is dropped and the next one aims at the same row.
      if (!row) continue;
      row.push([x, transformers.reduce((line, transformer) => transformer(line, index), text)]);
      offsetY++;
    }
  }

  /** One row as Ink paints it: blank cells, each write's characters over them, then to a string. */
  private paint(pieces: ReadonlyArray<[number, string]>): string {
    const cells: Array<StyledChar | undefined> = [];
    for (let x = 0; x < this.width; x++) cells.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
    for (const [x, line] of pieces) {
      let offsetX = x;
      for (const character of styledChars(line)) {
        cells[offsetX] = character;
        const width = Math.max(1, stringWidth(character.value));
        for (let index = 1; index < width; index++) cells[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
        offsetX += width;
      }
    }
    return styledCharsToString(cells.filter((cell): cell is StyledChar => cell !== undefined)).trimEnd();
  }
}
