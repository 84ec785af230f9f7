import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/exit-codes.js';
import { flagValue, flagValues, hasSwitch, nearestName, parseFlags, wantsHelp, type FlagDef } from '../../../src/cli/flags.js';

const DEFS: FlagDef[] = [
  { name: 'name', type: 'string', help: '' },
  { name: 'instances', type: 'string', help: '' },
  { name: 'env', type: 'string', multiple: true, help: '' },
  { name: 'merge-logs', type: 'boolean', help: '' },
  { name: 'json', type: 'boolean', help: '' },
];

const parse = (argv: string[]) => parseFlags(argv, DEFS, 'start');
const failure = (argv: string[]): string => {
  try {
    parse(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`parsing ${argv.join(' ')} did not fail`);
};

describe('parseFlags', () => {
  it('reads string flags in both spellings, switches and positionals in any order', () => {
    const args = parse(['--name', 'web', 'server.js', '--instances=4', '--merge-logs']);
    expect(flagValue(args, 'name')).toBe('web');
    expect(flagValue(args, 'instances')).toBe('4');
    expect(hasSwitch(args, 'merge-logs')).toBe(true);
    expect(hasSwitch(args, 'json')).toBe(false);
    expect(args.positionals).toEqual(['server.js']);
    expect(args.rest).toBeUndefined();
  });

  it('keeps every value of a repeatable flag, in order', () => {
    expect(flagValues(parse(['--env', 'A=1', '--env=B=2']), 'env')).toEqual(['A=1', 'B=2']);
  });

  it('takes the words after -- as they are, flags included', () => {
    const args = parse(['app.js', '--', '--name', 'x', '--']);
    expect(args.rest).toEqual(['--name', 'x', '--']);
    expect(flagValue(args, 'name')).toBeUndefined();
  });

  it('reads -1 and +2 as values, both after a flag and as positionals', () => {
    const args = parse(['web', '-1', '--instances', '-1', '+2']);
    expect(args.positionals).toEqual(['web', '-1', '+2']);
    expect(flagValue(args, 'instances')).toBe('-1');
  });

  it('suggests the nearest flag for a misspelt one', () => {
    expect(failure(['--nme', 'x'])).toBe('unknown flag "--nme" for "start"; did you mean "--name"?');
    expect(failure(['--instnaces=3'])).toBe('unknown flag "--instnaces" for "start"; did you mean "--instances"?');
    expect(failure(['--merge'])).toMatch(/did you mean "--merge-logs"\?/);
  });

  it('points to --help when no flag is close', () => {
    expect(failure(['--frobnicate'])).toBe('unknown flag "--frobnicate" for "start"; run "pmdaemon start --help" for its flags');
    expect(failure(['-x'])).toMatch(/^unknown flag "-x"/);
  });

  it('refuses a string flag without a value, a switch with one, and a single flag given twice', () => {
    expect(failure(['--name'])).toBe('--name needs a value: --name VALUE');
    expect(failure(['--name', '--', 'x'])).toMatch(/--name needs a value/);
    expect(failure(['--json=yes'])).toBe('--json takes no value; write just --json');
    expect(failure(['--name', 'a', '--name', 'b'])).toBe('--name is given twice ("a" and "b"); give it once');
  });
});

describe('wantsHelp', () => {
  it('sees --help and -h before --, not after', () => {
    expect(wantsHelp(['web', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['app.js', '--', '--help'])).toBe(false);
  });
});

describe('nearestName', () => {
  it('accepts a unique prefix or a close typo, and nothing far off', () => {
    expect(nearestName('inst', ['instances', 'instance-var', 'name'])).toBeUndefined();
    expect(nearestName('insta', ['instances', 'name'])).toBe('instances');
    expect(nearestName('stpo', ['stop', 'start'])).toBe('stop');
    expect(nearestName('xyzzy', ['stop', 'start'])).toBeUndefined();
  });
});
