import { describe, expect, it } from 'vitest';
// Ink's own Output, the reference: the UI bundle swaps ours in for it (scripts/bundle-ui.mjs).
import InkOutput from '../../../../node_modules/ink/build/output.js';
import Output from '../../../../src/tui/ink/output.js';

type Transformer = (line: string, index: number) => string;
type Op = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number } | { type: 'unclip' };

interface Frame {
  width: number;
  height: number;
  ops: Op[];
}

function run(output: InkOutput | Output, frame: Frame): string {
  for (const op of frame.ops) {
    if (op.type === 'write') output.write(op.x, op.y, op.text, { transformers: op.transformers });
    else if (op.type === 'clip') output.clip({ x1: op.x1, x2: op.x2, y1: op.y1, y2: op.y2 });
    else output.unclip();
  }
  return output.get().output;
}

const ours = (frame: Frame): string => run(new Output({ width: frame.width, height: frame.height }), frame);
const ink = (frame: Frame): string => run(new InkOutput({ width: frame.width, height: frame.height }), frame);

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'word ', 'ok', ' ', '漢字', '👍', 'e\u0301', '│', '…', 'x'.repeat(30)];
const STYLES = ['\x1b[31m', '\x1b[1m', '\x1b[7m', '\x1b[38;5;208m', '\x1b[48;2;10;20;30m', '\x1b[39m', '\x1b[22m', '\x1b[0m', '\x1b[27m', '\x1b[4m'];
const TRANSFORMERS: Transformer[] = [(line) => line.toUpperCase(), (line, index) => `${index}>${line}`, (line) => `\x1b[2m${line}\x1b[22m`];

function randomFrame(next: () => number, width: number, height: number): Frame {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (from: number, to: number): number => from + Math.floor(next() * (to - from + 1));
  const line = (): string => Array.from({ length: int(0, 6) }, () => (next() < 0.4 ? pick(STYLES) : '') + pick(PIECES)).join('');
  const ops: Op[] = [];
  let open = 0;
  for (let i = int(1, 25); i > 0; i--) {
    const roll = next();
    if (roll < 0.12) {
      open++;
      ops.push({ type: 'clip', ...(next() < 0.8 ? { x1: int(-2, width), x2: int(0, width + 2) } : {}), ...(next() < 0.8 ? { y1: int(-2, height), y2: int(0, height + 2) } : {}) });
    } else if (roll < 0.2 && open > 0) {
      open--;
      ops.push({ type: 'unclip' });
    } else {
      const text = Array.from({ length: int(1, 4) }, line).join('\n');
      ops.push({ type: 'write', x: int(-3, width + 3), y: int(-3, height + 2), text, transformers: next() < 0.15 ? [pick(TRANSFORMERS)] : [] });
    }
  }
  return { width, height, ops };
}

describe("the UI bundle's Ink Output", () => {
  it('draws what Ink 6.8 draws, byte for byte, for random writes, clips, wide characters and transformers', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const frame = randomFrame(next, 8 + Math.floor(next() * 40), 1 + Math.floor(next() * 12));
      expect(ours(frame), `seed ${seed}`).toBe(ink(frame));
    }
  });

  it('stays exact from frame to frame when only some rows change, as a key press or a log line does', () => {
    const next = random(99);
    let frame = randomFrame(next, 60, 10);
    for (let i = 0; i < 200; i++) {
      // Keep most writes, replace a few: unchanged rows come from the cache, the others are painted.
      const ops = frame.ops.map((op) => (op.type === 'write' && next() < 0.2 ? { ...op, text: `${op.text}${i}` } : op));
      frame = { ...frame, ops: next() < 0.1 ? randomFrame(next, 60, 10).ops : ops };
      expect(ours(frame), `frame ${i}`).toBe(ink(frame));
    }
  });

  it('does not reuse a row drawn at another width', () => {
    // Past the right edge Ink leaves holes that it drops, so the same write draws differently at each width.
    const at = (width: number): Frame => ({ width, height: 1, ops: [{ type: 'write', x: 12, y: 0, text: '\x1b[7mfar\x1b[27m', transformers: [] }] });
    for (const width of [10, 20, 10]) expect(ours(at(width))).toBe(ink(at(width)));
    expect(ours(at(10))).not.toBe(ours(at(20)));
  });
});
