import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/index.js';
import { describePortInUse } from '../../src/lib/port-holder.js';
import { isPortFree } from '../../src/lib/port-probe.js';
import { waitFor } from '../helpers/wait-for.js';
import { httpGet, instancesOf, startSupervisor, stopSupervisors, waitForHttp } from './support.js';

// The examples use fixed ports (3000-3006, 8080-8082), so this is the one file that does, and its tests run one at a time.

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const FILES = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json5')).sort();
const FIXED_PORTS = [3000, 3001, 3002, 3003, 3004, 3005, 3006, 8080, 8081, 8082];

afterEach(stopSupervisors);

beforeAll(async () => {
  const busy: string[] = [];
  for (const port of FIXED_PORTS) if (!(await isPortFree(port))) busy.push(describePortInUse(port));
  if (busy.length > 0) throw new Error(`the examples need ports 3000-3006 and 8080-8082 free: ${busy.join('; ')}`);
});

describe('the example ecosystem files', () => {
  it('include the seven documented examples', () => {
    expect(FILES).toEqual(['behind-nginx.json5', 'fault-tolerant.json5', 'master-workers.json5', 'max-cluster.json5', 'three-tier.json5', 'tuned.json5', 'web-cluster.json5']);
  });

  it.each(FILES)('%s loads and comes fully online, every port answering HTTP', async (file) => {
    const specs = await loadConfigFile(path.join(EXAMPLES, file));
    const { sup } = startSupervisor({ metricsIntervalMs: 1000 });
    for (const spec of specs) await sup.addApp(spec);

    for (const spec of specs) {
      const instances = instancesOf(sup, spec.name);
      expect(instances.map((i) => `${i.app}-${i.id} ${i.status}`)).toEqual(instances.map((i) => `${i.app}-${i.id} online`));
      expect(instances).toHaveLength(spec.instances);
      for (const i of instances) {
        if (spec.port.kind === 'none') {
          // No port to ask: the program's first line of output shows it really runs (e.g. under python3).
          await waitFor(() => sup.logs.lines(i.app, i.id, 'out').length > 0, { what: `output from ${i.app}-${i.id}` });
        } else {
          expect(i.port, `${i.app}-${i.id} has a port`).toBeTypeOf('number');
          await waitForHttp(i.port!); // listening; a frontend may still answer 502 until its backends listen too
        }
      }
    }
    for (const spec of specs) {
      for (const i of instancesOf(sup, spec.name)) {
        if (i.port === undefined) continue;
        const res = await httpGet(i.port);
        expect(res.status, `GET / on ${i.app}-${i.id} (port ${i.port}): ${res.body}`).toBe(200);
        expect(JSON.parse(res.body)).toMatchObject({ app: i.app, instance: String(i.id), port: i.port, pid: i.pid });
      }
      if (spec.healthCheck) {
        await waitFor(() => instancesOf(sup, spec.name).every((i) => i.health === 'healthy'), { what: `every ${spec.name} instance healthy` });
      }
    }
    // Still online after the checks: nothing crashed while being asked.
    for (const spec of specs) expect(instancesOf(sup, spec.name).map((i) => i.restarts)).toEqual(instancesOf(sup, spec.name).map(() => 0));
  });
});
