import { describe, expect, it } from 'vitest';
import { restoreSavedEnv, SAVED_EXTRA_CA_CERTS } from '../../../src/lib/saved-env.js';

describe('restoreSavedEnv', () => {
  it('puts NODE_EXTRA_CA_CERTS back where the launcher moved it from, and drops the saved copy', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/bin', [SAVED_EXTRA_CA_CERTS]: '/etc/corp-ca.pem' };
    restoreSavedEnv(env);
    expect(env).toEqual({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem' });
  });

  it('keeps a variable that was set but empty, as empty', () => {
    const env: NodeJS.ProcessEnv = { [SAVED_EXTRA_CA_CERTS]: '' };
    restoreSavedEnv(env);
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '' });
  });

  it('leaves an environment the launcher did not touch as it is', () => {
    const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem' };
    restoreSavedEnv(env);
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem' });
  });

  it("never overwrites a NODE_EXTRA_CA_CERTS that is set: both are then the user's own", () => {
    const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '/a.pem', [SAVED_EXTRA_CA_CERTS]: '/b.pem' };
    restoreSavedEnv(env);
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '/a.pem', [SAVED_EXTRA_CA_CERTS]: '/b.pem' });
  });
});
