import { describe, expect, it } from 'vitest';
import { colorOption, monit } from '../../../src/cli/commands/monit.js';
import { up } from '../../../src/cli/commands/up.js';
import { UsageError } from '../../../src/cli/exit-codes.js';
import { parseFlags } from '../../../src/cli/flags.js';
import type { CliIo } from '../../../src/cli/io.js';
import { createTheme, detectColorDepth, detectUnicode, forceColorLevel, type ColorDepth } from '../../../src/tui/theme.js';

const io = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: { TERM: 'xterm-256color' },
  cwd: process.cwd(),
  untilInterrupted: () => new Promise(() => undefined),
});

describe('detectColorDepth', () => {
  it('turns colour off when NO_COLOR is set to anything but the empty string', () => {
    expect(detectColorDepth({ NO_COLOR: '1', TERM: 'xterm-256color', COLORTERM: 'truecolor' })).toBe('none');
    expect(detectColorDepth({ NO_COLOR: 'false', TERM: 'xterm' })).toBe('none');
    expect(detectColorDepth({ NO_COLOR: '', TERM: 'xterm-256color' })).toBe('256');
  });

  it('turns colour off on a dumb terminal or with no TERM, even when COLORTERM says truecolor', () => {
    expect(detectColorDepth({ TERM: 'dumb', COLORTERM: 'truecolor' })).toBe('none');
    expect(detectColorDepth({ COLORTERM: 'truecolor' })).toBe('none');
  });

  it('reads truecolor from COLORTERM, 256 from a -256color TERM and 16 from any other TERM', () => {
    expect(detectColorDepth({ TERM: 'xterm-256color', COLORTERM: 'truecolor' })).toBe('truecolor');
    expect(detectColorDepth({ TERM: 'xterm', COLORTERM: '24bit' })).toBe('truecolor');
    expect(detectColorDepth({ TERM: 'xterm-256color' })).toBe('256');
    expect(detectColorDepth({ TERM: 'screen-256color' })).toBe('256');
    expect(detectColorDepth({ TERM: 'xterm' })).toBe('16');
    expect(detectColorDepth({ TERM: 'linux' })).toBe('16');
  });

  it('lets --color override NO_COLOR and TERM, and detects from them with --color auto', () => {
    const noColor = { NO_COLOR: '1', TERM: 'dumb' };
    const truecolor = { TERM: 'xterm-256color', COLORTERM: 'truecolor' };
    expect(detectColorDepth(noColor, '16')).toBe('16');
    expect(detectColorDepth(noColor, '256')).toBe('256');
    expect(detectColorDepth(noColor, 'truecolor')).toBe('truecolor');
    expect(detectColorDepth(truecolor, 'never')).toBe('none');
    expect(detectColorDepth(truecolor, 'auto')).toBe('truecolor');
    expect(detectColorDepth(noColor, 'auto')).toBe('none');
  });

  it('takes what monit hands on from --color: the forced depth, or nothing for auto', () => {
    const env = { TERM: 'xterm-256color' };
    const cases: [string, ColorDepth][] = [['never', 'none'], ['16', '16'], ['256', '256'], ['truecolor', 'truecolor'], ['auto', '256']];
    for (const [flag, depth] of cases) expect(detectColorDepth(env, colorOption(flag))).toBe(depth);
    expect(colorOption(undefined)).toBeUndefined();
  });
});

describe('--color validation', () => {
  it('rejects a value --color does not take with a UsageError naming the allowed values', () => {
    expect(() => colorOption('foo')).toThrow(UsageError);
    expect(() => colorOption('foo')).toThrow('--color must be one of auto, never, 16, 256, truecolor, got "foo"');
    expect(() => colorOption('')).toThrow(UsageError);
  });

  it('makes monit fail with that UsageError before it connects to the daemon', async () => {
    let connected = false;
    const args = parseFlags(['--color', 'foo'], monit.flags, 'monit');
    const run = monit.run(args, { io: io(), connect: () => ((connected = true), Promise.reject(new Error('connected'))) });
    await expect(run).rejects.toThrow(/--color must be one of auto, never, 16, 256, truecolor/);
    expect(connected).toBe(false);
  });

  it('makes up --tui fail with that UsageError before it reads the ecosystem file', async () => {
    const run = up(['does-not-exist.json5', '--tui', '--color', 'foo'], io());
    await expect(run).rejects.toBeInstanceOf(UsageError);
  });
});

describe('forceColorLevel', () => {
  it('maps none, 16, 256 and truecolor to FORCE_COLOR 0 to 3', () => {
    const depths: ColorDepth[] = ['none', '16', '256', 'truecolor'];
    expect(depths.map(forceColorLevel)).toEqual(['0', '1', '2', '3']);
  });
});

describe('detectUnicode', () => {
  it('is true when the locale names UTF-8 in any case, with or without the dash', () => {
    for (const LANG of ['en_US.UTF-8', 'en_US.utf8', 'C.UTF-8', 'de_DE.Utf-8', 'en_GB.UTF8']) expect(detectUnicode({ LANG })).toBe(true);
    expect(detectUnicode({ LC_ALL: 'en_US.UTF-8' })).toBe(true);
    expect(detectUnicode({ LC_CTYPE: 'en_US.utf8' })).toBe(true);
  });

  it('is false for C, POSIX, a non-UTF-8 charset or no locale at all', () => {
    for (const LANG of ['C', 'POSIX', 'en_US.ISO-8859-1', '']) expect(detectUnicode({ LANG })).toBe(false);
    expect(detectUnicode({})).toBe(false);
  });

  it('lets LC_ALL win over LC_CTYPE and LANG, and LC_CTYPE over LANG, ignoring empty ones', () => {
    expect(detectUnicode({ LC_ALL: 'C', LC_CTYPE: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(detectUnicode({ LC_ALL: 'en_US.UTF-8', LANG: 'C' })).toBe(true);
    expect(detectUnicode({ LC_CTYPE: 'POSIX', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(detectUnicode({ LC_ALL: '', LC_CTYPE: '', LANG: 'en_US.UTF-8' })).toBe(true);
  });
});

describe('createTheme', () => {
  const chars = (unicode: boolean): string[] => Object.values(createTheme('16', unicode).glyphs).flat().flatMap((g: string) => [...g]);

  it('draws with ASCII glyphs only when the locale is not UTF-8', () => {
    const ascii = chars(false);
    expect(ascii.length).toBeGreaterThan(20);
    for (const c of ascii) expect(c.charCodeAt(0), `glyph "${c}"`).toBeLessThan(128);
  });

  it('draws with Unicode glyphs when the locale is UTF-8', () => {
    expect(chars(true).some((c) => c.charCodeAt(0) >= 128)).toBe(true);
  });

  it('hands out no colours at depth none, and colours by meaning otherwise', () => {
    const none = createTheme('none', true);
    expect([none.status('online'), none.health('unhealthy'), none.accent, none.error, none.instance(3)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const sixteen = createTheme('16', true);
    expect([sixteen.status('online'), sixteen.status('errored'), sixteen.health('unhealthy')]).toEqual(['green', 'red', 'red']);
  });
});
