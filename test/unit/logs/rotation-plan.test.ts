import { describe, it, expect } from 'vitest';
import { needsRotation, planRotation, staleRotations } from '../../../src/supervisor/logs/rotation-plan.js';

describe('planRotation', () => {
  it('drops the oldest and shifts every rotated file up by one, newest last', () => {
    expect(planRotation('/l/a.log', 3)).toEqual({
      remove: ['/l/a.log.3'],
      renames: [
        ['/l/a.log.2', '/l/a.log.3'],
        ['/l/a.log.1', '/l/a.log.2'],
        ['/l/a.log', '/l/a.log.1'],
      ],
    });
  });

  it('discards the current file when no rotated file is kept', () => {
    expect(planRotation('/l/a.log', 0)).toEqual({ remove: ['/l/a.log'], renames: [] });
  });
});

describe('needsRotation', () => {
  it('rotates only when the chunk would take a non-empty file past maxBytes', () => {
    expect(needsRotation(90, 10, 100)).toBe(false);
    expect(needsRotation(91, 10, 100)).toBe(true);
    expect(needsRotation(0, 500, 100)).toBe(false);
    expect(needsRotation(1, 500, Infinity)).toBe(false);
  });
});

describe('staleRotations', () => {
  it('finds only numbered siblings of the file beyond retain', () => {
    const names = ['a.log', 'a.log.1', 'a.log.2', 'a.log.3', 'a.log.10', 'a.log.x', 'a.log.03', 'b.log.9', 'a.logx.7'];
    expect(staleRotations(names, 'a.log', 2).sort()).toEqual(['a.log.10', 'a.log.3']);
  });
});
