import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait-for.js';
import { fixtureSpec, startSupervisor, stopSupervisors } from './support.js';

afterEach(stopSupervisors);

const read = (file: string): string => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
const lineCount = (text: string): number => text.split('\n').filter(Boolean).length;

/** The lines `chunks.mjs` writes: line i is "line 0000i xxx…", 100 bytes with its newline. */
const chunkLine = (i: number): string => `line ${String(i).padStart(5, '0')} ${'x'.repeat(88)}\n`;

describe('log files of real instances', () => {
  it('writes each instance\'s stdout and stderr to its own files under logs/', async () => {
    const { sup, home } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'chat', script: 'chatter.mjs', instances: 2, env: { LINES: '10' } }));
    const logs = path.join(home, 'logs');

    for (const id of [0, 1]) {
      const out = path.join(logs, `chat-${id}-out.log`);
      const err = path.join(logs, `chat-${id}-err.log`);
      expect(sup.logs.paths('chat', id)).toEqual({ out, err });
      await waitFor(() => lineCount(read(out)) === 10 && read(err) !== '', { what: `the logs of chat-${id}` });
      expect(read(out).split('\n')[9]).toMatch(/^line 00009 x+$/);
      expect(read(err)).toBe(`err from ${id}\n`);
    }
    expect(fs.existsSync(path.join(logs, 'chat-out.log'))).toBe(false);
  });

  it('writes every instance into one pair of files with merge_logs', async () => {
    const { sup, home } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'chat', script: 'chatter.mjs', instances: 3, merge_logs: true, env: { LINES: '4' } }));
    const out = path.join(home, 'logs', 'chat-out.log');
    const err = path.join(home, 'logs', 'chat-err.log');

    await waitFor(() => lineCount(read(out)) === 12 && lineCount(read(err)) === 3, { what: 'the merged logs' });
    expect(read(err).split('\n').filter(Boolean).sort()).toEqual(['err from 0', 'err from 1', 'err from 2']);
    expect(fs.readdirSync(path.join(home, 'logs')).sort()).toEqual(['chat-err.log', 'chat-out.log']);
  });

  it('rotates at log_max_size into .1 and .2 without losing or repeating a byte', async () => {
    const { sup, home } = startSupervisor();
    // 10 writes of 1,000 bytes: 4 fit in a 4 KiB file, so the output spans the file, .1 and .2.
    await sup.addApp(fixtureSpec({ name: 'rot', script: 'chunks.mjs', log_max_size: '4K', log_retain: 2, env: { CHUNKS: '10' } }));
    const out = path.join(home, 'logs', 'rot-0-out.log');
    const files = [`${out}.2`, `${out}.1`, out];
    const written = Array.from({ length: 100 }, (_, i) => chunkLine(i)).join('');

    await waitFor(() => files.reduce((sum, f) => sum + read(f).length, 0) === written.length, {
      what: `${written.length} bytes across ${files.join(', ')}`,
    });
    expect(files.map((f) => fs.existsSync(f))).toEqual([true, true, true]);
    expect(fs.existsSync(`${out}.3`)).toBe(false);
    expect(files.map(read).join('')).toBe(written);
    for (const f of files) expect(fs.statSync(f).size).toBeLessThanOrEqual(4096);
  });

  it('keeps only log_retain rotated files, holding the newest output', async () => {
    const { sup, home } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'rot', script: 'chunks.mjs', log_max_size: '4K', log_retain: 2, env: { CHUNKS: '20' } }));
    const out = path.join(home, 'logs', 'rot-0-out.log');

    await waitFor(() => read(out).endsWith(chunkLine(199)), { what: 'the last line in the current file' });
    expect(fs.existsSync(`${out}.2`)).toBe(true);
    expect(fs.existsSync(`${out}.3`)).toBe(false);
    const kept = [`${out}.2`, `${out}.1`, out].map(read).join('');
    const all = Array.from({ length: 200 }, (_, i) => chunkLine(i)).join('');
    expect(kept.length).toBeLessThan(all.length);
    expect(all.endsWith(kept)).toBe(true);
  });

  it('returns the last lines of an instance from memory', async () => {
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'chat', script: 'chatter.mjs', env: { LINES: '10', LINE_BYTES: '16' } }));

    await waitFor(() => sup.logs.lines('chat', 0, 'out').length === 10, { what: '10 lines in the tail' });
    expect(sup.logs.lines('chat', 0, 'out', 5)).toEqual(['line 00005 xxxx', 'line 00006 xxxx', 'line 00007 xxxx', 'line 00008 xxxx', 'line 00009 xxxx']);
    await waitFor(() => sup.logs.lines('chat', 0, 'err').length === 1, { what: 'the stderr line in its tail' });
    expect(sup.logs.lines('chat', 0, 'err')).toEqual(['err from 0']);
  });
});
