import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptStateError } from '../../../src/daemon/persistence/errors.js';
import { readOrSetAside, readPersisted, removeStaleTemps } from '../../../src/daemon/persistence/state-file.js';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reading a state file', () => {
  it('reads a missing file as absent, without a warning', () => {
    const warnings: string[] = [];
    expect(readOrSetAside(path.join(dir, 'state.json'), (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('moves a corrupt file aside as state.json.corrupt-<time> with a warning naming both files', () => {
    const file = path.join(dir, 'state.json');
    fs.writeFileSync(file, '{"format": 1, "apps": [{"spe');
    const warnings: string[] = [];
    expect(readOrSetAside(file, (m) => warnings.push(m), 1234)).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual(['state.json.corrupt-1234']);
    expect(fs.readFileSync(path.join(dir, 'state.json.corrupt-1234'), 'utf8')).toBe('{"format": 1, "apps": [{"spe');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toContain('state.json.corrupt-1234');
  });

  it('moves a file of an unknown format aside too', () => {
    const file = path.join(dir, 'state.json');
    fs.writeFileSync(file, '{"format": 9, "apps": []}');
    const warnings: string[] = [];
    expect(readOrSetAside(file, (m) => warnings.push(m), 5)).toBeUndefined();
    expect(warnings[0]).toMatch(/unknown format 9/);
    expect(fs.existsSync(`${file}.corrupt-5`)).toBe(true);
  });

  it('throws a CorruptStateError naming the file when asked to read strictly', () => {
    const file = path.join(dir, 'dump.json');
    fs.writeFileSync(file, 'not json');
    expect(() => readPersisted(file)).toThrow(CorruptStateError);
    expect(() => readPersisted(file)).toThrow(file);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('removes the temp files of an interrupted write, and nothing else', () => {
    const file = path.join(dir, 'state.json');
    for (const name of ['state.json', 'state.json.tmp-123-4', 'state.json.corrupt-1', 'dump.json.tmp-1-1']) {
      fs.writeFileSync(path.join(dir, name), '');
    }
    removeStaleTemps(file);
    expect(fs.readdirSync(dir).sort()).toEqual(['dump.json.tmp-1-1', 'state.json', 'state.json.corrupt-1']);
  });
});
