import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../../src/daemon/persistence/atomic-write.js';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('replaces the file and leaves no temp file behind (sync)', () => {
    const file = path.join(dir, 'state.json');
    writeFileAtomicSync(file, 'one');
    writeFileAtomicSync(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('replaces the file and leaves no temp file behind (async)', async () => {
    const file = path.join(dir, 'state.json');
    fs.writeFileSync(file, 'old');
    await expect(writeFileAtomic(file, 'new')).resolves.toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('keeps the old content and drops its temp file when the commit is refused', async () => {
    const file = path.join(dir, 'state.json');
    fs.writeFileSync(file, 'newer, written meanwhile');
    await expect(writeFileAtomic(file, 'stale', () => false)).resolves.toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('newer, written meanwhile');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('fails without leaving a temp file when the file cannot be replaced', async () => {
    const file = path.join(dir, 'state.json');
    fs.mkdirSync(file); // a directory where the file should be: the rename fails after the temp was written
    expect(() => writeFileAtomicSync(file, 'x')).toThrow();
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });
});
