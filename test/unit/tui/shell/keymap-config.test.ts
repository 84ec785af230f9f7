import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, footerHints, resolveKey } from '../../../../src/tui/keymap.js';
import { applyKeyOverrides, KeymapError, loadKeymap } from '../../../../src/tui/keymap-config.js';

const FILE = '/home/op/.pmdaemon/keys.json';

function errorOf(fn: () => unknown): KeymapError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KeymapError);
    expect((error as Error).name).toBe('KeymapError');
    return error as KeymapError;
  }
  throw new Error('expected a KeymapError');
}

describe('applyKeyOverrides', () => {
  it('rebinds a command to the keys given, drops its old keys and leaves the defaults untouched', () => {
    const bindings = applyKeyOverrides({ restart: ['e', 'ctrl+r'], quit: 'Q' }, FILE);
    expect(resolveKey(bindings, 'grid', 'e')).toBe('restart');
    expect(resolveKey(bindings, 'grid', 'ctrl+r')).toBe('restart');
    expect(resolveKey(bindings, 'grid', 'r')).toBeUndefined();
    expect(resolveKey(bindings, 'logs', 'Q')).toBe('quit');
    expect(resolveKey(bindings, 'logs', 'q')).toBeUndefined();
    expect(footerHints(bindings, 'grid', false)).toContainEqual({ key: 'e', label: 'restart' });
    expect(resolveKey(DEFAULT_BINDINGS, 'grid', 'r')).toBe('restart');
  });

  it('rejects an unknown command, suggesting the nearest one', () => {
    expect(errorOf(() => applyKeyOverrides({ restrat: ['r'] }, FILE)).message).toContain('did you mean "restart"');
    const camel = errorOf(() => applyKeyOverrides({ rollingRestrat: ['R'] }, FILE));
    expect(camel.message).toContain(FILE);
    expect(camel.message).toContain('unknown command "rollingRestrat"');
    expect(camel.message).toContain('did you mean "rollingRestart"');
  });

  it('suggests a camelCase command for a one-letter typo', () => {
    expect(errorOf(() => applyKeyOverrides({ sideBySdie: ['b'] }, FILE)).message).toContain('did you mean "sideBySide"');
    expect(errorOf(() => applyKeyOverrides({ pagedown: ['J'] }, FILE)).message).toContain('did you mean "pageDown"');
  });

  it('lists the commands and suggests none when nothing is close', () => {
    const message = errorOf(() => applyKeyOverrides({ launchRockets: ['!'] }, FILE)).message;
    expect(message).not.toContain('did you mean');
    expect(message).toContain('stopStart');
  });

  it('rejects a key bound to two commands in one context, naming both and the context', () => {
    const message = errorOf(() => applyKeyOverrides({ restart: ['s'] }, FILE)).message;
    expect(message).toContain(FILE);
    expect(message).toContain('"s"');
    expect(message).toContain('"restart"');
    expect(message).toContain('"stopStart"');
    expect(message).toContain('grid');
  });

  it('allows one key for two commands that never share a context', () => {
    // merged is a logs key, restart a grid key.
    const bindings = applyKeyOverrides({ merged: ['r'] }, FILE);
    expect(resolveKey(bindings, 'logs', 'r')).toBe('merged');
    expect(resolveKey(bindings, 'grid', 'r')).toBe('restart');
  });

  it('rejects keys that are not a key or a list of keys, and a file that is not an object', () => {
    expect(errorOf(() => applyKeyOverrides({ restart: [] }, FILE)).message).toContain('"restart" must be a key or a list of keys');
    expect(errorOf(() => applyKeyOverrides({ restart: [3] }, FILE)).message).toContain('"restart"');
    expect(errorOf(() => applyKeyOverrides(['restart'], FILE)).message).toContain('expected an object');
  });
});

describe('loadKeymap', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the default bindings when the file does not exist', () => {
    const bindings = loadKeymap(path.join(dir, 'keys.json'));
    expect(bindings).toEqual(DEFAULT_BINDINGS);
    expect(bindings).not.toBe(DEFAULT_BINDINGS);
  });

  it('reads JSON5 overrides, bare or under "keys"', () => {
    const file = path.join(dir, 'keys.json');
    fs.writeFileSync(file, "// mine\n{ restart: ['e'], quit: 'Q', }\n");
    expect(resolveKey(loadKeymap(file), 'grid', 'e')).toBe('restart');
    fs.writeFileSync(file, "{ keys: { help: ['h'] } }");
    expect(resolveKey(loadKeymap(file), 'grid', 'h')).toBe('help');
  });

  it('names the file in a JSON5 syntax error', () => {
    const file = path.join(dir, 'keys.json');
    fs.writeFileSync(file, '{ restart: [r }');
    const error = errorOf(() => loadKeymap(file));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/invalid character|JSON5/);
  });

  it('names the file when an override in it is wrong', () => {
    const file = path.join(dir, 'keys.json');
    fs.writeFileSync(file, '{ restart: ["s"] }');
    expect(errorOf(() => loadKeymap(file)).message).toContain(`${file}: key "s"`);
  });
});
