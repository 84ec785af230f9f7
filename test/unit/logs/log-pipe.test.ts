import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineTail } from '../../../src/supervisor/logs/line-tail.js';
import { LogFileError } from '../../../src/supervisor/logs/log-file-error.js';
import { pipeLogs } from '../../../src/supervisor/logs/log-pipe.js';
import { openRotatingFile, type RotatingFile } from '../../../src/supervisor/logs/rotating-file.js';
import { closed, makeTempDir, nodeChildren } from './helpers.js';

let dir: string;
const children = nodeChildren();
const files: RotatingFile[] = [];
const openFile = (name: string, maxBytes = 1024 * 1024 * 1024): RotatingFile => {
  const file = openRotatingFile(path.join(dir, name), { maxBytes, retain: 3 });
  files.push(file);
  return file;
};

beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  children.killAll();
  for (const file of files.splice(0)) file.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('pipeLogs', () => {
  it("writes a real child's stdout and stderr to their own files and tails", async () => {
    const child = children.spawn(`
      console.log('hello out'); console.error('hello err'); console.log('bye out');
      process.stdout.write('no newline');`);
    const out = openFile('app-0-out.log');
    const err = openFile('app-0-err.log');
    const outTail = createLineTail();
    const errTail = createLineTail();
    pipeLogs({ source: child.stdout!, file: out, tail: outTail });
    pipeLogs({ source: child.stderr!, file: err, tail: errTail });
    expect(await closed(child)).toBe(0);
    expect(fs.readFileSync(out.path, 'utf8')).toBe('hello out\nbye out\nno newline');
    expect(fs.readFileSync(err.path, 'utf8')).toBe('hello err\n');
    expect(outTail.lines()).toEqual(['hello out', 'bye out', 'no newline']);
    expect(errTail.lines()).toEqual(['hello err']);
  });

  it('hands every chunk to onData, and a throwing onData is reported once and changes nothing else', async () => {
    const child = children.spawn(`for (let i = 0; i < 20000; i++) console.log('line ' + i);`);
    const out = openFile('out.log');
    const seen: Buffer[] = [];
    const errors: unknown[] = [];
    pipeLogs({
      source: child.stdout!,
      file: out,
      tail: createLineTail(),
      onData: (chunk) => {
        seen.push(Buffer.from(chunk));
        throw new Error('listener bug');
      },
      onError: (error) => errors.push(error),
    });
    expect(await closed(child)).toBe(0);
    const written = fs.readFileSync(out.path);
    expect(Buffer.concat(seen).equals(written)).toBe(true);
    expect(written.toString().split('\n')).toHaveLength(20001);
    expect(seen.length).toBeGreaterThan(1);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('listener bug');
  });

  it('keeps draining the child when its log file fails, so the child is never blocked by it', async () => {
    const child = children.spawn(`
      const block = Buffer.alloc(65536, 'y');
      for (let i = 0; i < 64; i++) process.stdout.write(block);
      process.stdout.write('\\nlast words\\n');`);
    const out = openFile('out.log');
    out.close();
    const tail = createLineTail();
    const errors: unknown[] = [];
    pipeLogs({ source: child.stdout!, file: out, tail, onError: (error) => errors.push(error) });
    expect(await closed(child)).toBe(0);
    expect(tail.lines(1)).toEqual(['last words']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(LogFileError);
  });

  it('stops writing after detach while the child still runs to completion', async () => {
    const child = children.spawn(`
      process.on('SIGUSR1', () => { process.stdout.write(Buffer.alloc(1024 * 1024, 'z')); process.exit(0); });
      console.log('ready');
      setInterval(() => {}, 1000);`);
    const out = openFile('out.log');
    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const detach = pipeLogs({
      source: child.stdout!,
      file: out,
      tail: createLineTail(),
      onData: (chunk) => chunk.includes('ready\n') && markReady(),
    });
    await ready;
    detach();
    child.kill('SIGUSR1');
    expect(await closed(child)).toBe(0);
    expect(fs.readFileSync(out.path, 'utf8')).toBe('ready\n');
  });

  it('calls onEnd once, after the last chunk of the source is in the file', async () => {
    const child = children.spawn(`process.stdout.write(Buffer.alloc(300000, 'q'))`);
    const out = openFile('out.log');
    const sizesAtEnd: number[] = [];
    pipeLogs({ source: child.stdout!, file: out, tail: createLineTail(), onEnd: () => sizesAtEnd.push(out.size) });
    await closed(child);
    expect(sizesAtEnd).toEqual([300000]);
  });

  it('calls onEnd soon for a source that has already ended', async () => {
    const source = Readable.from([]);
    source.resume();
    await once(source, 'close');
    let ended = 0;
    pipeLogs({ source, file: openFile('out.log'), tail: createLineTail(), onEnd: () => ended++ });
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(ended).toBe(1);
  });
});
