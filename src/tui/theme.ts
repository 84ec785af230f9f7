import type { HealthStatus, InstanceStatus } from '../supervisor/types.js';

export type ColorDepth = 'none' | '16' | '256' | 'truecolor';

/** Characters the UI draws with; ASCII stand-ins when the locale is not UTF-8. */
export interface Glyphs {
  /** Eight levels, lowest first, for sparklines. */
  spark: readonly string[];
  /** asciichart's ten symbols (axis, ticks, line and corners), in its order. */
  chart: readonly string[];
  expanded: string;
  collapsed: string;
  selected: string;
  /** Marks a value that changed in the last few seconds. */
  changed: string;
  /** After the status of an instance last seen before the daemon went away ("online?"). */
  stale: string;
  pending: string;
  /** The caret after text being typed (filter, search). */
  cursor: string;
  treeBranch: string;
  treeLast: string;
  treePipe: string;
  arrow: string;
  ellipsis: string;
  /** Between the two ends of a range ("2–8"). */
  rangeDash: string;
  /** Between two facts on one line. */
  dot: string;
}

const UNICODE: Glyphs = {
  spark: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
  chart: ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
  expanded: '▾',
  collapsed: '▸',
  selected: '›',
  changed: '•',
  stale: '?',
  pending: '…',
  cursor: '▏',
  treeBranch: '├─',
  treeLast: '└─',
  treePipe: '│ ',
  arrow: '→',
  ellipsis: '…',
  rangeDash: '–',
  dot: '·',
};

const ASCII: Glyphs = {
  spark: ['_', '.', '-', ':', '=', '+', '*', '#'],
  chart: ['+', '|', '-', '-', '-', '`', ',', '.', "'", '|'],
  expanded: 'v',
  collapsed: '>',
  selected: '>',
  changed: '*',
  stale: '?',
  pending: '~',
  cursor: '_',
  treeBranch: '|-',
  treeLast: '`-',
  treePipe: '| ',
  arrow: '->',
  ellipsis: '~',
  rangeDash: '-',
  dot: '|',
};

/** Colours by meaning; `undefined` = the terminal's default (always the case with no colour). */
export interface Theme {
  depth: ColorDepth;
  glyphs: Glyphs;
  status(status: InstanceStatus): string | undefined;
  health(health: HealthStatus): string | undefined;
  /** Accent for headers and the selection. */
  accent: string | undefined;
  dim: string | undefined;
  warn: string | undefined;
  error: string | undefined;
  ok: string | undefined;
  /** A stable colour per instance id (log prefixes in the merged view), from a small palette. */
  instance(id: number): string | undefined;
}

// No red or gray: those already mean errored and stopped.
const INSTANCE_PALETTE = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'cyanBright', 'magentaBright', 'greenBright'];

export function createTheme(depth: ColorDepth, unicode: boolean): Theme {
  const c = (name: string): string | undefined => (depth === 'none' ? undefined : name);
  return {
    depth,
    glyphs: unicode ? UNICODE : ASCII,
    status: (status) => {
      switch (status) {
        case 'online':
          return c('green');
        case 'starting':
        case 'waiting-restart':
          return c('yellow');
        case 'stopping':
        case 'stopped':
          return c('gray');
        case 'errored':
          return c('red');
      }
    },
    health: (health) => (health === 'healthy' ? c('green') : health === 'unhealthy' ? c('red') : c('gray')),
    accent: c('cyan'),
    dim: c('gray'),
    warn: c('yellow'),
    error: c('red'),
    ok: c('green'),
    instance: (id) => c(INSTANCE_PALETTE[Math.abs(Math.trunc(id)) % INSTANCE_PALETTE.length] ?? 'cyan'),
  };
}

/** The values `--color` takes, as help and usage errors list them. */
export const COLOR_MODES = ['auto', 'never', '16', '256', 'truecolor'] as const;

// Aliases other tools use (none, 0, 24bit) keep working though help lists only COLOR_MODES.
const COLOR_FLAG = new Map<string, ColorDepth | 'auto'>([
  ['auto', 'auto'],
  ['never', 'none'],
  ['none', 'none'],
  ['0', 'none'],
  ['16', '16'],
  ['256', '256'],
  ['truecolor', 'truecolor'],
  ['24bit', 'truecolor'],
]);

/** The depth a `--color` value asks for: 'auto' to detect it, undefined when the value is not one `--color` takes. */
export function colorFlagDepth(flag: string): ColorDepth | 'auto' | undefined {
  return COLOR_FLAG.get(flag.toLowerCase());
}

/**
 * Colour depth from `--color` (always wins, unless 'auto'), then NO_COLOR, then TERM / COLORTERM,
 * as most terminal programs decide.
 */
export function detectColorDepth(env: NodeJS.ProcessEnv, flag?: string): ColorDepth {
  const forced = flag === undefined ? undefined : colorFlagDepth(flag);
  if (forced !== undefined && forced !== 'auto') return forced;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'none';
  const term = env.TERM ?? '';
  if (term === 'dumb' || term === '') return 'none';
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 'truecolor';
  if (term.includes('256color')) return '256';
  return '16';
}

/** True when the locale says UTF-8 (LC_ALL, then LC_CTYPE, then LANG). */
export function detectUnicode(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

/** The FORCE_COLOR level Ink's colouring understands for a depth. */
export function forceColorLevel(depth: ColorDepth): string {
  return { none: '0', '16': '1', '256': '2', truecolor: '3' }[depth];
}
