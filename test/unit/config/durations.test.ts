import { describe, expect, it } from 'vitest';
import { parseDuration, parseSize } from '../../../src/config/durations.js';
import { ConfigError } from '../../../src/config/errors.js';

const ms = { field: 'restart_delay', defaultUnit: 'ms' } as const;
const sec = { field: 'health_check.interval', defaultUnit: 's' } as const;

describe('parseDuration', () => {
  it('reads a plain number in the default unit', () => {
    expect(parseDuration(250, ms)).toBe(250);
    expect(parseDuration(5, sec)).toBe(5000);
    expect(parseDuration(0.5, sec)).toBe(500);
    expect(parseDuration(0, ms)).toBe(0);
  });

  it('reads a bare numeric string in the default unit', () => {
    expect(parseDuration('1500', ms)).toBe(1500);
    expect(parseDuration('10', sec)).toBe(10_000);
  });

  it('reads strings with a unit regardless of the default unit', () => {
    expect(parseDuration('500ms', sec)).toBe(500);
    expect(parseDuration('10s', ms)).toBe(10_000);
    expect(parseDuration('2m', ms)).toBe(120_000);
    expect(parseDuration('1h', ms)).toBe(3_600_000);
    expect(parseDuration('1.5s', ms)).toBe(1500);
    expect(parseDuration(' 3 S ', ms)).toBe(3000);
  });

  it('rounds to whole milliseconds', () => {
    expect(parseDuration(1.4, ms)).toBe(1);
    expect(parseDuration('0.0015s', ms)).toBe(2);
  });

  it.each([[-1], ['-5s'], ['10 minutes'], ['5d'], [''], ['s'], [true], [null], [Infinity], [NaN], [{}]])(
    'rejects %j and says what is allowed',
    (value) => {
      expect(() => parseDuration(value, ms)).toThrow(ConfigError);
      expect(() => parseDuration(value, ms)).toThrow(
        /^"restart_delay" is .+; use a number of milliseconds or a string with a unit: "500ms", "10s", "2m", "1h"$/,
      );
    },
  );

  it('says seconds when plain numbers are seconds', () => {
    expect(() => parseDuration('soon', sec)).toThrow(
      '"health_check.interval" is "soon"; use a number of seconds or a string with a unit',
    );
  });

  it('names the field on the error', () => {
    try {
      parseDuration('x', ms);
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).field).toBe('restart_delay');
    }
  });
});

describe('parseSize', () => {
  it('reads a number as bytes', () => {
    expect(parseSize(1024)).toBe(1024);
    expect(parseSize('4096')).toBe(4096);
  });

  it('reads binary units K, M, G, T with optional B or iB, in any case', () => {
    expect(parseSize('512K')).toBe(512 * 1024);
    expect(parseSize('600M')).toBe(600 * 1024 ** 2);
    expect(parseSize('1.5G')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('2t')).toBe(2 * 1024 ** 4);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize('600MB')).toBe(600 * 1024 ** 2);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('100B')).toBe(100);
    expect(parseSize(' 10 M ')).toBe(10 * 1024 ** 2);
  });

  it('rounds fractional bytes', () => {
    expect(parseSize('1.5K')).toBe(1536);
    expect(parseSize('0.001K')).toBe(1);
  });

  it.each([[0], ['0M'], [-5], ['-5M'], ['600X'], ['M'], ['1.5.2G'], ['lots'], [true], [null], [[]]])(
    'rejects %j and says what is allowed',
    (value) => {
      expect(() => parseSize(value, { field: 'max_memory_restart' })).toThrow(
        /^"max_memory_restart" is .+; use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"$/,
      );
    },
  );
});
