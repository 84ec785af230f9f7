import { describe, expect, it } from 'vitest';
import { encodeMessage, parseRequest, toWireError } from '../../../src/protocol/messages.js';
import { UnknownAppError } from '../../../src/supervisor/errors.js';

describe('parseRequest', () => {
  it('reads a request with its id, method and params', () => {
    expect(parseRequest('{"id":7,"method":"stop","params":[{"app":"web"}]}')).toEqual({
      ok: true,
      request: { id: 7, method: 'stop', params: [{ app: 'web' }] },
    });
  });

  it('treats missing params as no arguments', () => {
    expect(parseRequest('{"id":"a","method":"ping"}')).toEqual({ ok: true, request: { id: 'a', method: 'ping', params: [] } });
  });

  it.each([
    ['not json', null, /invalid JSON/],
    ['[1,2]', null, /JSON object/],
    ['null', null, /JSON object/],
    ['{"method":"ping"}', null, /needs an "id"/],
    ['{"id":{},"method":"ping"}', null, /needs an "id"/],
    ['{"id":3}', 3, /"method" string/],
    ['{"id":3,"method":"rm -rf"}', 3, /unknown method "rm -rf"/],
    ['{"id":3,"method":"__proto__"}', 3, /unknown method/],
    ['{"id":3,"method":"toString"}', 3, /unknown method/],
    ['{"id":3,"method":"ping","params":{"a":1}}', 3, /must be an array/],
  ])('answers %s with a ProtocolError for id %s', (line, id, message) => {
    const parsed = parseRequest(line);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.id).toBe(id);
    expect(parsed.error.name).toBe('ProtocolError');
    expect(parsed.error.message).toMatch(message);
  });
});

describe('toWireError', () => {
  it('keeps the stable name and the message of a typed error', () => {
    expect(toWireError(new UnknownAppError('x', ['web']))).toEqual({ name: 'UnknownAppError', message: 'no app named "x"; known apps: web' });
  });

  it('turns a thrown non-error into an Error', () => {
    expect(toWireError('boom')).toEqual({ name: 'Error', message: 'boom' });
  });
});

describe('encodeMessage', () => {
  it('writes one line: JSON escapes every newline inside values', () => {
    const line = encodeMessage({ id: 1, result: { text: 'a\nb' } });
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual({ id: 1, result: { text: 'a\nb' } });
  });
});
