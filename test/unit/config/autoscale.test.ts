import { describe, expect, it } from 'vitest';
import { SPEC_DEFAULTS } from '../../../src/config/index.js';
import { parseAutoscaleSettings } from '../../../src/config/validate-autoscale.js';
import { configErrorOf, webAppConfig } from './helpers.js';

const { file: configFile, loadWeb, problemsOf } = webAppConfig({});

describe('autoscale in an ecosystem file', () => {
  it('normalises every field: percent, size, durations in ms', async () => {
    const spec = await loadWeb({
      port: 'auto:3000-3099',
      autoscale: { min: 2, max: 8, cpu_threshold: '70%', memory_threshold: '512M', cooldown: '1m', window: 5000 },
    });
    expect(spec.autoscale).toEqual({
      min: 2,
      max: 8,
      cpuThreshold: 70,
      memoryThreshold: 512 * 1024 * 1024,
      cooldownMs: 60_000,
      windowMs: 5000,
    });
  });

  it('takes cooldown and window from SPEC_DEFAULTS and leaves memoryThreshold out when not given', async () => {
    const spec = await loadWeb({ autoscale: { min: 1, max: 3, cpu_threshold: 62.5 } });
    expect(spec.autoscale).toEqual({
      min: 1,
      max: 3,
      cpuThreshold: 62.5,
      cooldownMs: SPEC_DEFAULTS.autoscale.cooldownMs,
      windowMs: SPEC_DEFAULTS.autoscale.windowMs,
    });
    expect(spec.autoscale).not.toHaveProperty('memoryThreshold');
  });

  it('leaves autoscale undefined when the app has none', async () => {
    expect((await loadWeb({})).autoscale).toBeUndefined();
  });

  it('accepts an instance count outside [min, max], which the autoscaler corrects at run time', async () => {
    const below = await loadWeb({ instances: 1, port: '3000-3003', autoscale: { min: 2, max: 4, cpu_threshold: 70 } });
    const above = await loadWeb({ instances: 8, port: 'auto:3000-3099', autoscale: { min: 2, max: 4, cpu_threshold: 70 } });
    expect([below.instances, below.autoscale?.min, above.instances, above.autoscale?.max]).toEqual([1, 2, 8, 4]);
  });

  it('does not limit max when the app has no port', async () => {
    expect((await loadWeb({ autoscale: { min: 1, max: 64, cpu_threshold: 50 } })).autoscale?.max).toBe(64);
  });

  it('names every missing required field, each with what to set', async () => {
    expect(await problemsOf({ autoscale: {} })).toEqual([
      '"autoscale.min" is missing; set it to the fewest instances to run, a whole number of 1 or more',
      '"autoscale.max" is missing; set it to the most instances to run, a whole number of 1 or more',
      '"autoscale.cpu_threshold" is missing; use a CPU percentage greater than 0 (of one core, averaged per instance), e.g. 70 or "70%"',
    ]);
  });

  it('suggests the snake_case spelling of a camelCase field', async () => {
    expect(await problemsOf({ autoscale: { min: 1, max: 2, cpuThreshold: 70 } })).toEqual([
      'unknown field "autoscale.cpuThreshold"; did you mean "cpu_threshold"?',
      '"autoscale.cpu_threshold" is missing; use a CPU percentage greater than 0 (of one core, averaged per instance), e.g. 70 or "70%"',
    ]);
  });

  it('rejects an autoscale that is not an object', async () => {
    expect(await problemsOf({ autoscale: true })).toEqual([
      '"autoscale" is true; use an object like { "min": 2, "max": 8, "cpu_threshold": 70 }',
    ]);
  });

  it('rejects max below min, naming both', async () => {
    const error = await configErrorOf(() => loadWeb({ autoscale: { min: 4, max: 2, cpu_threshold: 70 } }));
    expect(error.message).toBe(
      `${configFile()}: app "web": "autoscale.max" is 2; it must be at least "autoscale.min" (4); raise "autoscale.max" or lower "autoscale.min"`,
    );
    expect([error.app, error.field]).toEqual(['web', 'autoscale.max']);
  });

  it.each([
    [{ min: 0 }, '"autoscale.min" is 0; use a whole number of 1 or more'],
    [{ min: 1.5 }, '"autoscale.min" is 1.5; use a whole number of 1 or more'],
    [{ max: 'many' }, '"autoscale.max" is "many"; use a whole number of 1 or more'],
    [{ cpu_threshold: 0 }, '"autoscale.cpu_threshold" is 0; use a CPU percentage greater than 0'],
    [{ cpu_threshold: '-5%' }, '"autoscale.cpu_threshold" is "-5%"; use a CPU percentage greater than 0'],
    [{ cpu_threshold: 'seventy' }, '"autoscale.cpu_threshold" is "seventy"; use a CPU percentage greater than 0'],
    [{ memory_threshold: '512X' }, '"autoscale.memory_threshold" is "512X"; use a number of bytes greater than 0'],
    [{ cooldown: '1 minute' }, '"autoscale.cooldown" is "1 minute"; use a number of milliseconds or a string with a unit'],
    [{ window: '0s' }, '"autoscale.window" is "0s"; use a duration greater than 0, e.g. "10s" or 5000 (milliseconds)'],
  ])('rejects %j', async (bad, expected) => {
    const [line, ...rest] = await problemsOf({ autoscale: { min: 1, max: 2, cpu_threshold: 70, ...bad } });
    expect(rest).toEqual([]);
    expect(line?.startsWith(expected)).toBe(true);
  });

  it('accepts a cooldown of 0 and "70 %" with a space', async () => {
    const spec = await loadWeb({ autoscale: { min: 1, max: 2, cpu_threshold: '70 %', cooldown: 0 } });
    expect(spec.autoscale).toMatchObject({ cpuThreshold: 70, cooldownMs: 0 });
  });
});

describe('autoscale against the port setting', () => {
  it('rejects a fixed range smaller than max, suggesting a wider range or an auto range', async () => {
    expect(await problemsOf({ port: '3000-3003', autoscale: { min: 2, max: 6, cpu_threshold: 70 } })).toEqual([
      '"autoscale.max" is 6 but "port" is "3000-3003", 4 ports for 6 instances; widen the range to "3000-3005", use "auto:3000-3099", or lower "autoscale.max" to 4',
    ]);
  });

  it('rejects a single port when max is above 1', async () => {
    expect(await problemsOf({ port: 3000, autoscale: { min: 1, max: 2, cpu_threshold: 70 } })).toEqual([
      '"autoscale.max" is 2 but "port" is "3000", a single port that fits one instance; use a range like "3000-3001" or "auto:3000-3099"',
    ]);
  });

  it('rejects an auto range smaller than max', async () => {
    expect(await problemsOf({ port: 'auto:3000-3002', autoscale: { min: 1, max: 5, cpu_threshold: 70 } })).toEqual([
      '"autoscale.max" is 5 but "port" is "auto:3000-3002", 3 ports for 5 instances; widen it to "auto:3000-3099" or lower "autoscale.max" to 3',
    ]);
  });

  it('accepts a range exactly as large as max', async () => {
    expect((await loadWeb({ port: '3000-3003', autoscale: { min: 1, max: 4, cpu_threshold: 70 } })).autoscale?.max).toBe(4);
  });

  it('keeps suggestions inside the valid port numbers near the top end', async () => {
    const [line] = await problemsOf({ port: '65534-65535', autoscale: { min: 1, max: 4, cpu_threshold: 70 } });
    expect(line).toContain('widen the range to "65532-65535", use "auto:65532-65535"');
  });
});

describe('parseAutoscaleSettings (the autoscale command)', () => {
  const range = { kind: 'range', from: 3000, to: 3007 } as const;

  it('reads flag values given as text', () => {
    const raw = { min: '2', max: '8', cpu_threshold: '70', memory_threshold: '512M', cooldown: '30s', window: '15000' };
    expect(parseAutoscaleSettings(raw, range)).toEqual({
      spec: { min: 2, max: 8, cpuThreshold: 70, memoryThreshold: 512 * 1024 * 1024, cooldownMs: 30_000, windowMs: 15_000 },
      problems: [],
    });
  });

  it('names flags through the label and returns no spec when something is wrong', () => {
    const label = (field: string): string => `--${field.replaceAll('_', '-')}`;
    const result = parseAutoscaleSettings({ min: '3', max: '12', cpu_threshold: 'hot' }, range, { label });
    expect(result).toEqual({
      problems: [
        '"--max" is "12" but "port" is "3000-3007", 8 ports for 12 instances; widen the range to "3000-3011", use "auto:3000-3099", or lower "--max" to 8',
        '"--cpu-threshold" is "hot"; use a CPU percentage greater than 0 (of one core, averaged per instance), e.g. 70 or "70%"',
      ],
    });
  });

  it('reports a key it does not know, as a caller bug would produce', () => {
    expect(parseAutoscaleSettings({ min: 1, max: 2, cpu_threshold: 50, cpuThreshold: 50 }, { kind: 'none' }).problems).toEqual([
      'unknown field "cpuThreshold"; did you mean "cpu_threshold"?',
    ]);
  });
});
