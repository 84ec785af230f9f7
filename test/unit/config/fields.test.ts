import { describe, expect, it } from 'vitest';
import { editDistance, HEALTH_CHECK_FIELDS, KNOWN_FIELDS, suggestField } from '../../../src/config/fields.js';

describe('suggestField', () => {
  it.each([
    ['instnaces', 'instances'],
    ['instance', 'instances'],
    ['Instances', 'instances'],
    ['maxRestarts', 'max_restarts'],
    ['max-memory-restart', 'max_memory_restart'],
    ['killtimeout', 'kill_timeout'],
    ['scirpt', 'script'],
    ['autorestrat', 'autorestart'],
  ])('suggests the nearest known field for %s', (typo, expected) => {
    expect(suggestField(typo, KNOWN_FIELDS)).toBe(expected);
  });

  it('suggests inside health_check with its own field list', () => {
    expect(suggestField('intreval', HEALTH_CHECK_FIELDS)).toBe('interval');
    expect(suggestField('checktype', HEALTH_CHECK_FIELDS)).toBe('check_type');
  });

  it('suggests nothing when no field is close', () => {
    expect(suggestField('deploy', KNOWN_FIELDS)).toBeUndefined();
    expect(suggestField('xy', KNOWN_FIELDS)).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('port', 'port')).toBe(0);
    expect(editDistance('prot', 'port')).toBe(1);
    expect(editDistance('por', 'port')).toBe(1);
    expect(editDistance('ports', 'port')).toBe(1);
    expect(editDistance('pert', 'port')).toBe(1);
    expect(editDistance('', 'env')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
