import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogFileError } from '../../../src/supervisor/logs/log-file-error.js';
import { createLogFiles, type LogFiles } from '../../../src/supervisor/logs/log-files.js';
import { makeTempDir } from './helpers.js';

let dir: string;
let files: LogFiles;
const options = { maxBytes: 1000, retain: 1 };

beforeEach(() => {
  dir = makeTempDir();
  files = createLogFiles();
});
afterEach(() => {
  files.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createLogFiles', () => {
  it('gives every acquirer of a path the same open file', () => {
    const file = path.join(dir, 'web-out.log');
    const first = files.acquire(file, options);
    const second = files.acquire(path.join(dir, '.', 'web-out.log'), options);
    expect(second).toBe(first);
    expect(files.openFiles()).toEqual(new Map([[file, 2]]));
  });

  it('closes the file only on the last release', () => {
    const file = path.join(dir, 'web-out.log');
    const shared = files.acquire(file, options);
    files.acquire(file, options);
    files.release(file);
    shared.write(Buffer.from('still open\n'));
    files.release(file);
    expect(() => shared.write(Buffer.from('closed now\n'))).toThrow(LogFileError);
    expect(fs.readFileSync(file, 'utf8')).toBe('still open\n');
    expect(files.openFiles().size).toBe(0);
  });

  it('opens a fresh file when a released path is acquired again', () => {
    const file = path.join(dir, 'web-out.log');
    const first = files.acquire(file, options);
    files.release(file);
    const again = files.acquire(file, options);
    expect(again).not.toBe(first);
    again.write(Buffer.from('x'));
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('ignores the release of a path it never opened', () => {
    expect(() => files.release(path.join(dir, 'nope.log'))).not.toThrow();
  });

  it('closes every file on closeAll, whatever its references', () => {
    const a = files.acquire(path.join(dir, 'a.log'), options);
    files.acquire(path.join(dir, 'a.log'), options);
    const b = files.acquire(path.join(dir, 'b.log'), options);
    files.closeAll();
    expect(() => a.write(Buffer.from('x'))).toThrow(LogFileError);
    expect(() => b.write(Buffer.from('x'))).toThrow(LogFileError);
    expect(files.openFiles().size).toBe(0);
  });
});
