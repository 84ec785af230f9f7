import { describe, expect, it } from 'vitest';
import { buildInstanceEnv, interpolate } from '../../../src/supervisor/instance-env.js';
import { makeSpec } from '../../helpers/make-spec.js';

describe('interpolate', () => {
  it('replaces ${PORT} and ${INSTANCE_ID} wherever they appear, as often as they appear', () => {
    expect(interpolate('--port=${PORT} --id ${INSTANCE_ID} ${PORT}', { id: 3, port: 3003 })).toBe('--port=3003 --id 3 3003');
  });

  it('replaces ${PORT} with nothing when the instance has no port', () => {
    expect(interpolate('port:${PORT}:', { id: 0, port: undefined })).toBe('port::');
  });

  it('leaves other variables, bare $PORT and lower-case names for the program', () => {
    const text = '${HOME} $PORT ${port} ${INSTANCE_IDS} $INSTANCE_ID ${ PORT }';
    expect(interpolate(text, { id: 1, port: 4000 })).toBe(text);
  });

  it('returns text without placeholders unchanged', () => {
    expect(interpolate('plain', { id: 0, port: 1 })).toBe('plain');
  });
});

describe('buildInstanceEnv', () => {
  it("starts from the base environment and drops its undefined entries", () => {
    const env = buildInstanceEnv({ HOME: '/home/x', GONE: undefined }, makeSpec(), { id: 0, port: undefined });
    expect(env.HOME).toBe('/home/x');
    expect('GONE' in env).toBe(false);
  });

  it('lets spec env override the base environment', () => {
    const env = buildInstanceEnv({ NODE_ENV: 'development' }, makeSpec({ env: { NODE_ENV: 'production' } }), { id: 0, port: undefined });
    expect(env.NODE_ENV).toBe('production');
  });

  it('interpolates ${PORT} and ${INSTANCE_ID} in spec env values', () => {
    const spec = makeSpec({ env: { URL: 'http://127.0.0.1:${PORT}/', WORKER: 'w-${INSTANCE_ID}' } });
    const env = buildInstanceEnv({}, spec, { id: 2, port: 3002 });
    expect(env.URL).toBe('http://127.0.0.1:3002/');
    expect(env.WORKER).toBe('w-2');
  });

  it('injects the instance id, the app name and the port', () => {
    const env = buildInstanceEnv({}, makeSpec({ name: 'api' }), { id: 4, port: 5004 });
    expect(env).toEqual({ PM2_INSTANCE_ID: '4', NODE_APP_INSTANCE: '4', PORT: '5004', PMDAEMON_APP: 'api' });
  });

  it('sets the instance_var name to the instance id when one is configured', () => {
    const env = buildInstanceEnv({}, makeSpec({ instanceVar: 'WORKER_ID' }), { id: 7, port: undefined });
    expect(env.WORKER_ID).toBe('7');
  });

  it('sets no PORT of its own when the instance has no port', () => {
    const env = buildInstanceEnv({}, makeSpec(), { id: 0, port: undefined });
    expect('PORT' in env).toBe(false);
  });

  it('keeps a PORT from spec env when pmdaemon assigns none', () => {
    const env = buildInstanceEnv({}, makeSpec({ env: { PORT: '8080' } }), { id: 0, port: undefined });
    expect(env.PORT).toBe('8080');
  });

  it('does not let spec env or the base environment override the injected variables', () => {
    const injected = { PM2_INSTANCE_ID: 'x', NODE_APP_INSTANCE: 'x', WORKER_ID: 'x', PORT: '1', PMDAEMON_APP: 'x' };
    const spec = makeSpec({ name: 'web', instanceVar: 'WORKER_ID', env: injected });
    const env = buildInstanceEnv(injected, spec, { id: 1, port: 3001 });
    expect(env).toEqual({ PM2_INSTANCE_ID: '1', NODE_APP_INSTANCE: '1', WORKER_ID: '1', PORT: '3001', PMDAEMON_APP: 'web' });
  });

  it('does not modify the base environment it is given', () => {
    const base = { HOME: '/h' };
    buildInstanceEnv(base, makeSpec({ env: { HOME: '/other' } }), { id: 0, port: 3000 });
    expect(base).toEqual({ HOME: '/h' });
  });
});
