import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePortRange } from '../helpers/free-port-range.js';
import { fixtureSpec, pidOf, recordChanges, startSupervisor, stopSupervisors, tempDir, waitForInstance } from './support.js';

afterEach(stopSupervisors);

describe('health checks against real instances', () => {
  it('accepts health_check durations written as strings with units', () => {
    const spec = fixtureSpec({
      script: 'http-health.mjs',
      port: 'auto:20000-20100',
      health_check: { url: 'http://127.0.0.1:${PORT}/health', interval: '200ms', timeout: '1.5s', retries: 2 },
    });
    expect(spec.healthCheck).toMatchObject({ type: 'http', intervalMs: 200, timeoutMs: 1500, retries: 2 });
  });

  it('marks an http-checked instance healthy, then unhealthy once /health fails, and restarts it', async () => {
    const sick = path.join(tempDir(), 'sick');
    const from = await freePortRange(1);
    const { sup } = startSupervisor();
    const healths = recordChanges(sup, 'web', 0, (i) => i.health);
    await sup.addApp(
      fixtureSpec({
        name: 'web',
        script: 'http-health.mjs',
        port: `${from}`,
        env: { UNHEALTHY_FILE: sick },
        health_check: { check_type: 'http', url: 'http://127.0.0.1:${PORT}/health', interval: '200ms', timeout: '1s', retries: 2 },
      }),
    );
    const firstPid = pidOf(sup, 'web', 0);
    await waitForInstance(sup, 'web', 0, (i) => i.health === 'healthy', { what: 'web-0 to be healthy' });

    fs.writeFileSync(sick, '');
    const restarted = await waitForInstance(sup, 'web', 0, (i) => i.exits.length >= 1, { what: 'web-0 to be restarted' });
    const exit = restarted.exits[0];
    expect(exit?.reason).toBe('unhealthy');
    expect(exit?.detail).toBe('unhealthy: 2 failed health checks in a row (last: HTTP 503)');
    expect(healths).toContain('unhealthy');

    fs.rmSync(sick);
    const recovered = await waitForInstance(sup, 'web', 0, (i) => i.health === 'healthy' && i.pid !== firstPid && i.status === 'online');
    expect(recovered.port).toBe(from);
    expect(recovered.restarts).toBeGreaterThanOrEqual(1);
    expect(healths.slice(0, 3)).toEqual(['unknown', 'healthy', 'unhealthy']);
  });

  it('marks an instance unhealthy when nothing listens on its port for a tcp check, and restarts it', async () => {
    const from = await freePortRange(2);
    const { sup } = startSupervisor();
    const healths = recordChanges(sup, 'deaf', 0, (i) => i.health);
    await sup.addApp(
      fixtureSpec({
        name: 'deaf',
        script: 'idle.mjs',
        port: `auto:${from}-${from + 1}`,
        health_check: { check_type: 'tcp', interval: '100ms', timeout: '500ms', retries: 2 },
      }),
    );

    const after = await waitForInstance(sup, 'deaf', 0, (i) => i.exits.length > 0, { what: 'deaf-0 to be restarted' });
    expect(healths.slice(0, 2)).toEqual(['unknown', 'unhealthy']);
    expect(after.exits[0]?.reason).toBe('unhealthy');
    expect(after.exits[0]?.detail).toBe(`unhealthy: 2 failed health checks in a row (last: ECONNREFUSED 127.0.0.1:${from})`);
  });
});
