import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LbFileError, writeFileIfChanged } from '../../../src/lb/write-file.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;

describe('writeFileIfChanged', () => {
  it('creates a missing file readable by other users (as the umask allows) and says it wrote', async () => {
    const file = path.join(dir, 'web.conf');
    expect(await writeFileIfChanged(file, 'upstream web {}\n')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('upstream web {}\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('replaces a changed file by a rename (a new inode), keeping its mode and leaving no temp file', async () => {
    const file = path.join(dir, 'web.conf');
    fs.writeFileSync(file, 'old\n', { mode: 0o600 });
    const before = fs.statSync(file).ino;
    expect(await writeFileIfChanged(file, 'new\n')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.statSync(file).ino).not.toBe(before);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['web.conf']);
  });

  it('leaves an unchanged file alone and says it did not write', async () => {
    const file = path.join(dir, 'web.conf');
    fs.writeFileSync(file, 'same\n');
    const before = fs.statSync(file);
    expect(await writeFileIfChanged(file, 'same\n')).toBe(false);
    const after = fs.statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('names the file, the error and the fix when the directory does not exist', async () => {
    const file = path.join(dir, 'missing', 'web.conf');
    const error = await writeFileIfChanged(file, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LbFileError);
    expect((error as LbFileError).name).toBe('LbFileError');
    expect((error as LbFileError).cause).toMatchObject({ code: 'ENOENT' });
    expect((error as Error).message).toBe(`cannot write ${file}: ENOENT; the directory ${path.join(dir, 'missing')} does not exist; create it or choose another file`);
  });

  it('says to give a file when the path is a directory', async () => {
    const error = await writeFileIfChanged(dir, 'x').catch((e: unknown) => e);
    expect((error as Error).message).toBe(`cannot write ${dir}: EISDIR; it is a directory; give the path of a file in it`);
  });

  it('tells to make the directory writable on EACCES', () => {
    const error = new LbFileError('/etc/nginx/conf.d/web.conf', 'EACCES', { cause: new Error('EACCES') });
    expect(error.message).toBe(
      "cannot write /etc/nginx/conf.d/web.conf: EACCES; make the directory /etc/nginx/conf.d writable by the daemon's user (the file is replaced by a rename) or choose another file",
    );
  });

  it.skipIf(isRoot)('refuses a writable file in a read-only directory with EACCES, leaving the file as it was', async () => {
    const file = path.join(dir, 'web.conf');
    fs.writeFileSync(file, 'old\n');
    fs.chmodSync(dir, 0o555);
    try {
      const error = await writeFileIfChanged(file, 'new\n').catch((e: unknown) => e);
      expect((error as LbFileError).code).toBe('EACCES');
      expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});
