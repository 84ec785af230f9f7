import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePortRange } from '../helpers/free-port-range.js';
import { waitFor } from '../helpers/wait-for.js';
import { fixtureSpec, instancesOf, startSupervisor, stopSupervisors, tempDir } from './support.js';
import type { Supervisor } from '../../src/supervisor/supervisor.js';

afterEach(stopSupervisors);

/** The ports of the live servers in an upstream file (not the placeholder `down` one of an empty upstream). */
function upstreamPorts(file: string): number[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => !/\bdown\b/.test(l));
  return lines.flatMap((l) => [.../server 127\.0\.0\.1:(\d+)/.exec(l)?.slice(1) ?? []]).map(Number);
}

/**
 * A reload command that logs, for every reload, the ports in the file and which of the app's
 * ports still accept connections at that moment (bash's /dev/tcp), one line per reload.
 */
function probingReload(file: string, log: string, ports: number[]): string {
  const probe = ports.map((p) => `(exec 3<>/dev/tcp/127.0.0.1/${p}) 2>/dev/null && echo -n "${p}:up " || echo -n "${p}:down "`).join('; ');
  return `bash -c '{ echo -n "file=$(grep -o "127.0.0.1:[0-9]*" ${file} | cut -d: -f2 | tr "\\n" ",") "; ${probe}; echo; } >> ${log}'`;
}

interface Reload {
  file: number[];
  up: Set<number>;
}

function reloads(log: string): Reload[] {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const file = (/file=([\d,]*)/.exec(line)?.[1] ?? '').split(',').filter(Boolean).map(Number);
      const up = new Set([...line.matchAll(/(\d+):up/g)].map((m) => Number(m[1])));
      return { file, up };
    });
}

async function cluster(opts: { instances: number; extra?: Record<string, unknown>; lb?: Record<string, unknown>; reloadCmd?: (file: string, log: string, ports: number[]) => string }) {
  const dir = tempDir();
  const file = path.join(dir, 'upstream.conf');
  const log = path.join(dir, 'reloads.log');
  const from = await freePortRange(6);
  const ports = Array.from({ length: 6 }, (_, k) => from + k);
  const { sup } = startSupervisor({ metricsIntervalMs: 0 });
  const reloadCmd = (opts.reloadCmd ?? probingReload)(file, log, ports);
  await sup.addApp(
    fixtureSpec({
      name: 'web',
      script: 'http-health.mjs',
      instances: opts.instances,
      port: `${from}-${from + 5}`,
      load_balancer: { type: 'nginx', file, reload_cmd: reloadCmd, ...opts.lb },
      ...opts.extra,
    }),
  );
  return { sup, file, log, ports, dir };
}

const onlinePorts = (sup: Supervisor): number[] => instancesOf(sup, 'web').filter((i) => i.status === 'online').map((i) => i.port!);

describe('load-balancer file kept in sync by the supervisor', () => {
  it('lists every online instance, follows scale up and down, and takes an instance out before it stops', async () => {
    const { sup, file, log, ports } = await cluster({ instances: 2 });
    await waitFor(() => upstreamPorts(file).length === 2, { what: 'two servers in the upstream' });
    expect(upstreamPorts(file)).toEqual(ports.slice(0, 2));

    await sup.scale('web', 4);
    await waitFor(() => upstreamPorts(file).length === 4, { what: 'four servers after scale 4' });
    await sup.loadBalancerSettled('web');
    expect(sup.store.getState().apps.web?.loadBalancer?.ports).toEqual(ports.slice(0, 4));

    await sup.scale('web', 2);
    expect(upstreamPorts(file)).toEqual(ports.slice(0, 2));
    // The reloads that dropped instances 2 and 3 ran while those instances still accepted connections.
    const drops = reloads(log).filter((r) => !r.file.includes(ports[3]!) && r.up.has(ports[3]!));
    expect(drops.length, fs.readFileSync(log, 'utf8')).toBeGreaterThan(0);
    expect(reloads(log).some((r) => !r.file.includes(ports[2]!) && r.up.has(ports[2]!))).toBe(true);
    expect(onlinePorts(sup)).toEqual(ports.slice(0, 2));
  });

  it('drains each instance of a rolling restart before it stops and puts it back once ready', async () => {
    const { sup, file, log, ports } = await cluster({ instances: 2 });
    await waitFor(() => upstreamPorts(file).length === 2, { what: 'two servers' });
    await sup.loadBalancerSettled('web');
    fs.writeFileSync(log, '');
    await sup.restartApp('web', { instance: 0 });
    await waitFor(() => upstreamPorts(file).length === 2, { what: 'instance 0 back in the upstream' });
    await sup.loadBalancerSettled('web');
    const lines = reloads(log);
    expect(lines[0]).toEqual({ file: [ports[1]], up: new Set([ports[0], ports[1]]) });
    expect(lines.at(-1)?.file).toEqual([ports[0], ports[1]]);
  });

  it('with drain_on_restart false, keeps a restarting instance in the file and reloads nothing, but still drains a stop', async () => {
    const health = { check_type: 'http', url: 'http://127.0.0.1:${PORT}/health', interval: 0.2, timeout: 1, retries: 1 };
    const { sup, file, log, ports } = await cluster({ instances: 2, lb: { drain_on_restart: false }, extra: { health_check: health } });
    await waitFor(() => upstreamPorts(file).length === 2, { what: 'two servers' });
    await sup.loadBalancerSettled('web');
    fs.writeFileSync(log, '');
    const pid = instancesOf(sup, 'web')[0]!.pid;
    await sup.restartApp('web', { instance: 0 });
    await waitFor(() => instancesOf(sup, 'web')[0]!.health === 'healthy', { what: 'the restarted instance healthy' });
    await sup.loadBalancerSettled('web');
    expect(instancesOf(sup, 'web')[0]!.pid).not.toBe(pid);
    expect(upstreamPorts(file)).toEqual([ports[0], ports[1]]);
    expect(reloads(log)).toEqual([]);

    await sup.stopApp('web', { instance: 1 });
    expect(upstreamPorts(file)).toEqual([ports[0]]);
    expect(reloads(log)[0]?.up.has(ports[1]!)).toBe(true);
  });

  it('takes an unhealthy instance out and puts it back when it is healthy again', async () => {
    const dir = tempDir();
    const sick = path.join(dir, 'sick');
    const health = { check_type: 'http', url: 'http://127.0.0.1:${PORT}/health', interval: 0.2, timeout: 1, retries: 1 };
    const { sup, file } = await cluster({ instances: 2, extra: { autorestart: false, health_check: health, env: { UNHEALTHY_FILE: sick } } });
    await waitFor(() => upstreamPorts(file).length === 2, { what: 'both healthy instances in the upstream' });
    fs.writeFileSync(sick, '');
    await waitFor(() => upstreamPorts(file).length === 0, { what: 'sick instances out of the upstream' });
    expect(instancesOf(sup, 'web').map((i) => [i.status, i.health])).toEqual([['online', 'unhealthy'], ['online', 'unhealthy']]);
    fs.rmSync(sick);
    await waitFor(() => upstreamPorts(file).length === 2, { what: 'healthy instances back in the upstream' });
  });

  it('reports a failing reload command on the app and keeps the cluster running and scalable', async () => {
    const { sup, file, ports } = await cluster({ instances: 2, reloadCmd: () => 'echo "nginx: [emerg] no such upstream" >&2; exit 7' });
    await waitFor(() => sup.store.getState().apps.web?.loadBalancer?.error !== undefined, { what: 'the reload failure on the app' });
    expect(sup.store.getState().apps.web?.loadBalancer?.error).toMatch(/exit(ed)? (code )?7.*no such upstream/s);
    await sup.scale('web', 3);
    expect(onlinePorts(sup)).toEqual(ports.slice(0, 3));
    await waitFor(() => upstreamPorts(file).length === 3, { what: 'the file rewritten despite failing reloads' });
  });
});
