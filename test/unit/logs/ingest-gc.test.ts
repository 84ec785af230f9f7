import { describe, expect, it } from 'vitest';
import { createIngestGc, loadMinorGc } from '../../../src/supervisor/logs/ingest-gc.js';

describe('createIngestGc', () => {
  it('collects once per everyBytes of ingested data', () => {
    let runs = 0;
    const gc = createIngestGc(100, () => () => runs++);
    for (let i = 0; i < 10; i++) gc.account(30);
    expect(runs).toBe(3);
    expect(gc.collections).toBe(3);
  });

  it('looks for a gc function only once one is needed, and copes with there being none', () => {
    let lookups = 0;
    const gc = createIngestGc(10, () => {
      lookups++;
      return undefined;
    });
    gc.account(5);
    expect(lookups).toBe(0);
    gc.account(10);
    gc.account(10);
    expect(lookups).toBe(1);
    expect(gc.collections).toBe(0);
  });
});

describe('loadMinorGc', () => {
  it('obtains a callable gc on this Node without --expose-gc and leaves globalThis alone', () => {
    const collect = loadMinorGc();
    expect(typeof collect).toBe('function');
    expect(() => collect?.()).not.toThrow();
    expect('gc' in globalThis).toBe(false);
  });
});
