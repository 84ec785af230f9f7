import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogFileError } from '../../../src/supervisor/logs/log-file-error.js';
import { openRotatingFile, type RotatingFile } from '../../../src/supervisor/logs/rotating-file.js';
import { makeTempDir, rotationSizes } from './helpers.js';

let dir: string;
let file: string;
const opened: RotatingFile[] = [];
const open = (options: { maxBytes: number; retain: number }, at = file): RotatingFile => {
  const f = openRotatingFile(at, options);
  opened.push(f);
  return f;
};

beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, 'logs', 'web-0-out.log');
});
afterEach(() => {
  for (const f of opened.splice(0)) f.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string): Buffer => Buffer.from(text);
const read = (name: string): string => fs.readFileSync(path.join(dir, 'logs', name), 'utf8');

describe('openRotatingFile', () => {
  it('creates missing parent directories and appends what it is given', () => {
    const f = open({ maxBytes: 1000, retain: 2 });
    f.write(bytes('one\n'));
    f.write(bytes('two\n'));
    expect(read('web-0-out.log')).toBe('one\ntwo\n');
    expect(f.size).toBe(8);
  });

  it('appends to an existing file and counts its size towards maxBytes', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x'.repeat(95));
    const f = open({ maxBytes: 100, retain: 2 });
    expect(f.size).toBe(95);
    f.write(bytes('12345'));
    expect(read('web-0-out.log')).toBe(`${'x'.repeat(95)}12345`);
    f.write(bytes('6'));
    expect(read('web-0-out.log.1')).toBe(`${'x'.repeat(95)}12345`);
    expect(read('web-0-out.log')).toBe('6');
  });

  it('rotates the file when the next chunk would pass maxBytes, never splitting a chunk', () => {
    const f = open({ maxBytes: 10, retain: 5 });
    for (const piece of ['aaaa', 'bbbb', 'cccc', 'dddd', 'ee']) f.write(bytes(piece));
    expect(read('web-0-out.log.1')).toBe('aaaabbbb');
    expect(read('web-0-out.log')).toBe('ccccddddee');
    expect(f.size).toBe(10);
  });

  it('keeps at most retain rotated files, newest as .1, deleting the oldest', () => {
    const f = open({ maxBytes: 4, retain: 3 });
    for (const piece of ['0000', '1111', '2222', '3333', '4444', '5555']) f.write(bytes(piece));
    expect([...rotationSizes(file).keys()].sort()).toEqual([
      'web-0-out.log',
      'web-0-out.log.1',
      'web-0-out.log.2',
      'web-0-out.log.3',
    ]);
    expect(read('web-0-out.log')).toBe('5555');
    expect(read('web-0-out.log.1')).toBe('4444');
    expect(read('web-0-out.log.3')).toBe('2222');
  });

  it('gives a chunk bigger than maxBytes a file of its own', () => {
    const f = open({ maxBytes: 4, retain: 2 });
    f.write(bytes('ab'));
    f.write(bytes('0123456789'));
    f.write(bytes('cd'));
    expect(read('web-0-out.log.2')).toBe('ab');
    expect(read('web-0-out.log.1')).toBe('0123456789');
    expect(read('web-0-out.log')).toBe('cd');
  });

  it('discards the full file on rotation when retain is 0', () => {
    const f = open({ maxBytes: 4, retain: 0 });
    f.write(bytes('aaaa'));
    f.write(bytes('bb'));
    expect([...rotationSizes(file).keys()]).toEqual(['web-0-out.log']);
    expect(read('web-0-out.log')).toBe('bb');
  });

  it('deletes rotated files numbered beyond retain, left by an earlier larger retain, on open', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const n of [1, 2, 3, 4]) fs.writeFileSync(`${file}.${n}`, String(n));
    fs.writeFileSync(path.join(dir, 'logs', 'api-0-out.log.4'), 'other app');
    open({ maxBytes: 100, retain: 2 });
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([
      'api-0-out.log.4',
      'web-0-out.log',
      'web-0-out.log.1',
      'web-0-out.log.2',
    ]);
  });

  it('deletes the stale rotations of every file opened in the same turn, each only its own', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const other = path.join(dir, 'logs', 'web-0-err.log');
    for (const name of ['web-0-out.log.3', 'web-0-err.log.2', 'web-0-err.log.3', 'web-1-out.log.3']) fs.writeFileSync(path.join(dir, 'logs', name), 'x');
    open({ maxBytes: 100, retain: 2 });
    open({ maxBytes: 100, retain: 2 }, other);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['web-0-err.log', 'web-0-err.log.2', 'web-0-out.log', 'web-1-out.log.3']);
  });

  it('keeps writing to the path after the current file was deleted by someone else at rotation', () => {
    const f = open({ maxBytes: 4, retain: 1 });
    f.write(bytes('aaaa'));
    fs.rmSync(file);
    f.write(bytes('bb'));
    expect(read('web-0-out.log')).toBe('bb');
  });

  it('throws a LogFileError naming the path when the file cannot be opened', () => {
    fs.writeFileSync(path.join(dir, 'logs'), 'a file where the directory should be');
    let caught: unknown;
    try {
      open({ maxBytes: 100, retain: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LogFileError);
    expect(caught).toMatchObject({ name: 'LogFileError', operation: 'open', path: file });
    expect((caught as LogFileError).cause).toBeInstanceOf(Error);
  });

  it('refuses writes after close with a LogFileError', () => {
    const f = open({ maxBytes: 100, retain: 1 });
    f.close();
    expect(() => f.write(bytes('late'))).toThrow(LogFileError);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  it('rejects a maxBytes that is not positive and a retain that is not a whole number', () => {
    expect(() => open({ maxBytes: 0, retain: 1 })).toThrow(RangeError);
    expect(() => open({ maxBytes: 10, retain: 1.5 })).toThrow(RangeError);
    expect(() => open({ maxBytes: 10, retain: -1 })).toThrow(RangeError);
  });
});
