import { describe, expect, it } from 'vitest';
import { appKey, gridRows, instanceKey, isFault, moveSelection, type GridFilter } from '../../../../src/tui/state/grid-rows.js';
import { app, inst, mirrorOf } from './fixtures.js';

const NONE: GridFilter = { collapsed: {}, text: '', faultsOnly: false };

const mirror = mirrorOf({
  worker: app('worker', 1, 5000),
  api: app('api', 3, 4000, (id) => (id === 2 ? { health: 'unhealthy' } : {})),
  web: app('web', 2, 3000, (id) => (id === 1 ? { status: 'stopped', desired: 'stopped', pid: undefined } : {})),
});

const keys = (filter: GridFilter): string[] => gridRows(mirror, filter).map((r) => r.key);

describe('gridRows', () => {
  it('groups instances under their app, apps in name order', () => {
    expect(keys(NONE)).toEqual([
      'app:api', 'inst:api:0', 'inst:api:1', 'inst:api:2',
      'app:web', 'inst:web:0', 'inst:web:1',
      'app:worker', 'inst:worker:0',
    ]);
    const web = gridRows(mirror, NONE).find((r) => r.key === appKey('web'));
    expect(web).toMatchObject({ kind: 'app', online: 1, total: 2, collapsed: false });
  });

  it('shows a collapsed app as its app row only', () => {
    const rows = gridRows(mirror, { ...NONE, collapsed: { api: true } });
    expect(rows.map((r) => r.key).slice(0, 2)).toEqual(['app:api', 'app:web']);
    expect(rows[0]).toMatchObject({ collapsed: true, total: 3 });
  });

  it('with faults only keeps the instances not online or unhealthy, and hides apps with none', () => {
    expect(keys({ ...NONE, faultsOnly: true })).toEqual(['app:api', 'inst:api:2', 'app:web', 'inst:web:1']);
    expect(isFault(inst('a', 0))).toBe(false);
    expect(isFault(inst('a', 0, { status: 'starting' }))).toBe(true);
    expect(isFault(inst('a', 0, { health: 'unhealthy' }))).toBe(true);
    expect(isFault(inst('a', 0, { health: 'unknown' }))).toBe(false);
  });

  it('filters by a case-insensitive substring of <app>-<id>, hiding apps with no match', () => {
    expect(keys({ ...NONE, text: 'WEB-1' })).toEqual(['app:web', 'inst:web:1']);
    expect(keys({ ...NONE, text: 'w' })).toEqual(['app:web', 'inst:web:0', 'inst:web:1', 'app:worker', 'inst:worker:0']);
    expect(keys({ ...NONE, text: 'nothing' })).toEqual([]);
  });

  it('combines the text filter with faults only', () => {
    expect(keys({ ...NONE, text: 'api', faultsOnly: true })).toEqual(['app:api', 'inst:api:2']);
  });
});

describe('moveSelection', () => {
  const rows = gridRows(mirror, NONE);

  it('moves by the delta and clamps at both ends', () => {
    expect(moveSelection(rows, instanceKey('api', 0), 1)).toBe('inst:api:1');
    expect(moveSelection(rows, instanceKey('api', 0), -1)).toBe('app:api');
    expect(moveSelection(rows, 'app:api', -5)).toBe('app:api');
    expect(moveSelection(rows, 'inst:worker:0', 1)).toBe('inst:worker:0');
    expect(moveSelection(rows, 'inst:web:0', 100)).toBe('inst:worker:0');
  });

  it('moves from the first row when nothing is selected or the selection is gone', () => {
    expect(moveSelection(rows, undefined, 1)).toBe('inst:api:0');
    expect(moveSelection(rows, 'inst:gone:7', 2)).toBe('inst:api:1');
    expect(moveSelection(rows, undefined, 0)).toBe('app:api');
  });

  it('selects nothing in an empty grid', () => {
    expect(moveSelection([], 'app:api', 1)).toBeUndefined();
  });
});
