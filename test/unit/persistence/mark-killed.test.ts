import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFile, serializeFile } from '../../../src/daemon/persistence/format.js';
import { markKilled } from '../../../src/daemon/persistence/index.js';
import { makeSpec } from '../../helpers/make-spec.js';

let home: string;
beforeEach(() => (home = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'))));
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const read = (): ReturnType<typeof parseFile> => parseFile(fs.readFileSync(path.join(home, 'state.json'), 'utf8'));

describe('markKilled', () => {
  it('marks an existing state file killed and keeps its apps', () => {
    const apps = [{ spec: makeSpec({ name: 'web' }), ports: [undefined], instances: [{ desired: 'running' as const, pid: null, pidStart: null }] }];
    fs.writeFileSync(path.join(home, 'state.json'), serializeFile({ format: 1, savedAt: 1, killed: false, apps }));
    markKilled(home);
    expect(read().killed).toBe(true);
    expect(read().apps.map((a) => a.spec.name)).toEqual(['web']);
  });

  it('writes a killed, empty state file when there is none', () => {
    markKilled(home);
    expect(read()).toMatchObject({ format: 1, killed: true, apps: [] });
    expect(fs.readdirSync(home)).toEqual(['state.json']);
  });
});
