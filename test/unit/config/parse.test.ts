import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/errors.js';
import { parseConfigText } from '../../../src/config/parse.js';
import { configErrorOf } from './helpers.js';

describe('parseConfigText', () => {
  it('parses JSON5: comments, unquoted keys, single quotes and trailing commas', () => {
    const text = "// web tier\n{ apps: [ { name: 'web', script: 'server.js', }, ], }";
    expect(parseConfigText(text, 'eco.json5')).toEqual({ apps: [{ name: 'web', script: 'server.js' }] });
  });

  it('ignores a byte-order mark', () => {
    expect(parseConfigText('\uFEFF{"script": "a"}', 'eco.json')).toEqual({ script: 'a' });
  });

  it('names file:line:column and the character found, and points at it', async () => {
    const error = await configErrorOf(() => parseConfigText('{\n  name: "web"\n  script: "x"\n}', 'eco.json5'));
    expect(error.message).toBe(`eco.json5:3:3: invalid character 's'\n    script: "x"\n    ^`);
    expect(error.location).toEqual({ file: 'eco.json5', line: 3, column: 3 });
  });

  it('says when the input ends early and suggests an unclosed bracket', async () => {
    const error = await configErrorOf(() => parseConfigText('{ apps: [ { name: "web" }', 'eco.json5'));
    expect(error.message.split('\n')[0]).toBe(
      'eco.json5:1:26: invalid end of input; is a bracket, brace or quote left open?',
    );
  });

  it('rejects an empty file with a clear message', () => {
    expect(() => parseConfigText('  \n', 'eco.json')).toThrow(ConfigError);
    expect(() => parseConfigText('  \n', 'eco.json')).toThrow('eco.json: the file is empty');
  });
});
