import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/lib/format-bytes.js';
import { buildInstanceEnv } from '../../../src/supervisor/instance-env.js';
import { instanceCommand } from '../../../src/supervisor/instance-command.js';
import { createPortAssigner } from '../../../src/supervisor/port-assigner.js';
import { fixedPort, PortRangeError } from '../../../src/supervisor/port-plan.js';
import { createSupervisorStore, newInstance, withApp } from '../../../src/supervisor/store.js';
import { makeSpec } from '../../helpers/make-spec.js';
import { FakePortProbe } from './fake-port-probe.js';

// Regression tests for bugs found while writing the unit tests of the supervisor's decisions.

/** The port, or the error, an ensurePort call settles with. */
async function settle(p: Promise<number | undefined>): Promise<unknown> {
  return p.then(
    (port) => port,
    (err: unknown) => err,
  );
}

describe('port assigner: two apps never get the same port (design §3 "Ports")', () => {
  it('does not hand a fixed port to an app when another app already holds it', async () => {
    const store = createSupervisorStore(0);
    const probe = new FakePortProbe(); // the holder is in restart backoff, so nothing listens yet
    const ports = createPortAssigner(store, probe);
    const web = makeSpec({ name: 'web', port: { kind: 'auto', from: 4000, to: 4010 } });
    store.setState((s) => withApp(s, web, [newInstance('web', 0)]), true);
    expect(await ports.ensurePort('web', 0)).toBe(4000);

    // A later `pmdaemon start` of another app with the fixed port 4000.
    const api = makeSpec({ name: 'api', port: { kind: 'single', port: 4000 } });
    store.setState((s) => withApp(s, api, [newInstance('api', 0)]), true);
    const apiPort = await settle(ports.ensurePort('api', 0));
    const webPort = await settle(ports.ensurePort('web', 0));
    expect([apiPort, webPort], 'api and web were both given port 4000').not.toEqual([4000, 4000]);
  });

  it('does not hand a scaled-up fixed range a port an auto app already holds', async () => {
    const store = createSupervisorStore(0);
    const ports = createPortAssigner(store, new FakePortProbe());
    const api = makeSpec({ name: 'api', instances: 2, port: { kind: 'range', from: 4000, to: 4003 } });
    const web = makeSpec({ name: 'web', port: { kind: 'auto', from: 4000, to: 4010 } });
    store.setState((s) => withApp(withApp(s, api, [newInstance('api', 0), newInstance('api', 1)]), web, [newInstance('web', 0)]), true);
    expect(await ports.ensurePort('web', 0)).toBe(4004); // api declared 4000-4003 and may scale into it

    // `pmdaemon scale api 3`: the range fits 3, so scale allows it.
    store.setState((s) => withApp(s, { ...api, instances: 3 }, [0, 1, 2].map((id) => newInstance('api', id))), true);
    const apiPort = await settle(ports.ensurePort('api', 2));
    const webPort = await settle(ports.ensurePort('web', 0));
    expect([apiPort, webPort], 'api-2 and web-0 were both given port 4002').not.toEqual([4002, 4002]);
  });
});

describe('instance command: placeholders in a shell command line', () => {
  it('gives ${INSTANCE_ID} in a shell-mode command line the instance id, as it does in args', () => {
    const spec = makeSpec({ name: 'web', shell: true, script: 'printf "%s" "w${INSTANCE_ID}:${PORT}"' });
    const vars = { id: 2, port: 3002 };
    const cmd = instanceCommand(spec, vars);
    const env = buildInstanceEnv({ PATH: process.env.PATH }, spec, vars);
    expect(execFileSync(cmd.file, cmd.args, { env, encoding: 'utf8' })).toBe('w2:3002');
  });
});

describe('formatBytes: rounding at a unit boundary', () => {
  it('shows a size that rounds up to 1024 of a unit in the next unit', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 MiB');
  });
});

describe('fixedPort: the suggested fix must be a valid port setting', () => {
  it('never suggests a port above 65535', () => {
    let message = '';
    try {
      fixedPort('edge', { kind: 'single', port: 65535 }, 1);
    } catch (err) {
      if (!(err instanceof PortRangeError)) throw err;
      message = err.message;
    }
    expect(message).not.toBe('');
    const numbers = (message.match(/\d+/g) ?? []).map(Number);
    expect(numbers.filter((n) => n > 65535)).toEqual([]);
  });
});
