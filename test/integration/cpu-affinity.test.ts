import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureSpec, pidOf, startSupervisor, stopSupervisors, waitForLine } from './support.js';

afterEach(stopSupervisors);

const cpus = os.availableParallelism();

function allowedCpus(pid: number): string | undefined {
  return /^Cpus_allowed_list:\s*(\S+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
}

describe('cpu_affinity with real processes', () => {
  it.skipIf(cpus < 2)('pins instance 0 to CPU 0 and instance 1 to CPU 1 with cpu_affinity "0,1" (needs 2 CPUs)', async () => {
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'pinned', script: 'idle.mjs', instances: 3, cpu_affinity: '0,1' }));
    // taskset execs the program once it has pinned itself: wait for the program, not taskset.
    await Promise.all([0, 1, 2].map((id) => waitForLine(sup, 'pinned', id)));

    expect([0, 1, 2].map((id) => allowedCpus(pidOf(sup, 'pinned', id)))).toEqual(['0', '1', '0']);
    expect(fs.readFileSync(`/proc/${pidOf(sup, 'pinned', 0)}/comm`, 'utf8').trim()).toBe('node');
  });

  it('leaves an instance without cpu_affinity on every CPU it was given', async () => {
    const { sup } = startSupervisor();
    await sup.addApp(fixtureSpec({ name: 'free', script: 'idle.mjs' }));
    await waitForLine(sup, 'free', 0);

    expect(allowedCpus(pidOf(sup, 'free', 0))).toBe(allowedCpus(process.pid));
  });
});

if (cpus < 2) console.warn(`cpu-affinity.test.ts: skipping the pinning test, this machine has ${cpus} CPU (it needs 2)`);
