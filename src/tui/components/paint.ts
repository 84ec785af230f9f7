import { isatty } from 'node:tty';
import type { ColorDepth } from '../theme.js';

/** A run of text with its style; colour `undefined` = the terminal's default. */
export interface StyledPiece {
  text: string;
  color?: string | undefined;
  bold?: boolean | undefined;
  dim?: boolean | undefined;
  underline?: boolean | undefined;
  inverse?: boolean | undefined;
}

// The SGR codes chalk uses for the colour names the theme hands out.
const COLORS: Readonly<Record<string, number>> = {
  black: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
  grey: 90,
  blackBright: 90,
  redBright: 91,
  greenBright: 92,
  yellowBright: 93,
  blueBright: 94,
  magentaBright: 95,
  cyanBright: 96,
  whiteBright: 97,
};

type Style = readonly [open: number, close: number];
const BOLD: Style = [1, 22];
const DIM: Style = [2, 22];
const UNDERLINE: Style = [4, 24];
const INVERSE: Style = [7, 27];

/**
 * Whether Ink's colouring (chalk) styles at all, decided as chalk decides it when first imported:
 * FORCE_COLOR (which the TUI sets from its colour depth), else only on a terminal.
 */
export function sgrEnabled(env: NodeJS.ProcessEnv, stdoutIsTty: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stdoutIsTty && env.TERM !== 'dumb';
}

const SGR_ENABLED = sgrEnabled(process.env, isatty(1));

/**
 * One row of pieces as a single string with SGR sequences, styled as Ink's nested `<Text>` would
 * style it (so a row is one Text node); plain text at colour depth 'none' or when Ink would not colour.
 */
export function paint(pieces: readonly StyledPiece[], depth: ColorDepth): string {
  let out = '';
  const plain = depth === 'none' || !SGR_ENABLED;
  for (const piece of pieces) out += plain ? piece.text : paintPiece(piece);
  return out;
}

function paintPiece(piece: StyledPiece): string {
  let text = piece.text;
  if (text === '') return text;
  // Innermost first, in the order Ink's Text applies them: dim, colour, bold, underline, inverse.
  if (piece.dim) text = wrap(text, DIM);
  const color = piece.color === undefined ? undefined : COLORS[piece.color];
  if (color !== undefined) text = wrap(text, [color, 39]);
  if (piece.bold) text = wrap(text, BOLD);
  if (piece.underline) text = wrap(text, UNDERLINE);
  if (piece.inverse) text = wrap(text, INVERSE);
  return text;
}

/** Opens and closes a style around `text`, re-opening it after any close inside (as chalk does). */
function wrap(text: string, [open, close]: Style): string {
  const on = `\x1b[${open}m`;
  const off = `\x1b[${close}m`;
  const inner = text.includes('\x1b') ? text.split(off).join(off + on) : text;
  return on + inner + off;
}
