import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineTail } from '../../../src/supervisor/logs/line-tail.js';
import { createLogFiles } from '../../../src/supervisor/logs/log-files.js';
import { logPaths } from '../../../src/supervisor/logs/log-paths.js';
import { pipeLogs } from '../../../src/supervisor/logs/log-pipe.js';
import { FLOOD_CHILD, closed, makeTempDir, nodeChildren, rotationSizes } from './helpers.js';

const MiB = 1024 * 1024;
let dir: string;
const children = nodeChildren();
const logFiles = createLogFiles();

beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  children.killAll();
  logFiles.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The file and its rotations, oldest first. */
function rotatedOldestFirst(file: string): string[] {
  const rotations = rotationSizes(file).size - 1;
  return [...Array.from({ length: rotations }, (_, i) => `${file}.${rotations - i}`), file];
}
const readRotated = (file: string): Buffer => Buffer.concat(rotatedOldestFirst(file).map((f) => fs.readFileSync(f)));
const fileSizesOldestFirst = (file: string): number[] => rotatedOldestFirst(file).map((f) => fs.statSync(f).size);

const count = (bytes: Buffer, char: string): number => {
  const code = char.charCodeAt(0);
  let n = 0;
  for (const byte of bytes) if (byte === code) n++;
  return n;
};

describe('log ingest from real children', () => {
  it('with merge_logs, writes two instances into one file one whole chunk at a time', async () => {
    const perChild = 8 * MiB;
    const { out } = logPaths(dir, 'web', 0, true);
    expect(logPaths(dir, 'web', 1, true).out).toBe(out);
    const arrivals: Buffer[] = [];
    const instances = ['a', 'b'].map((letter) => {
      const child = children.spawn(FLOOD_CHILD, [String(perChild), letter]);
      const file = logFiles.acquire(out, { maxBytes: 3 * MiB, retain: 10 });
      pipeLogs({
        source: child.stdout!,
        file,
        tail: createLineTail(),
        onData: (chunk) => arrivals.push(Buffer.from(chunk)),
      });
      return child;
    });
    expect(await Promise.all(instances.map(closed))).toEqual([0, 0]);
    const onDisk = readRotated(out);
    expect(onDisk.length).toBe(2 * perChild);
    // Written in arrival order, each chunk whole and within one file.
    expect(onDisk.equals(Buffer.concat(arrivals))).toBe(true);
    const chunkEnds = new Set<number>();
    let offset = 0;
    for (const chunk of arrivals) chunkEnds.add((offset += chunk.length));
    let fileEnd = 0;
    for (const size of fileSizesOldestFirst(out)) expect(chunkEnds.has((fileEnd += size))).toBe(true);
    const newlinesPerChild = perChild / 65536;
    expect(count(onDisk, 'a')).toBe(perChild - newlinesPerChild);
    expect(count(onDisk, 'b')).toBe(perChild - newlinesPerChild);
  });

  it('takes every byte of a child flooding 200 MiB onto disk, across rotations, keeping the tail bounded', async () => {
    const total = 200 * MiB;
    const maxBytes = 16 * MiB;
    const { out, err } = logPaths(dir, 'flood', 0, false);
    const child = children.spawn(FLOOD_CHILD, [String(total)]);
    const tail = createLineTail();
    let biggestTail = 0;
    pipeLogs({
      source: child.stdout!,
      file: logFiles.acquire(out, { maxBytes, retain: 20 }),
      tail,
      onData: () => (biggestTail = Math.max(biggestTail, tail.byteLength)),
    });
    pipeLogs({ source: child.stderr!, file: logFiles.acquire(err, { maxBytes, retain: 20 }), tail: createLineTail() });
    expect(await closed(child)).toBe(0);

    const sizes = rotationSizes(out);
    const expectedFiles = Math.ceil(total / maxBytes);
    expect([...sizes.keys()].sort()).toEqual(
      ['flood-0-out.log', ...Array.from({ length: expectedFiles - 1 }, (_, i) => `flood-0-out.log.${i + 1}`)].sort(),
    );
    expect([...sizes.values()].reduce((sum, size) => sum + size, 0)).toBe(total);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(maxBytes);
    expect(fs.statSync(err).size).toBe(0);
    expect(biggestTail).toBeLessThanOrEqual(256 * 1024);
    expect(tail.lines(1)).toEqual(['x'.repeat(65535)]);
  });
});
