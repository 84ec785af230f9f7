import path from 'node:path';
import type { InstanceInfo } from '../../api/types.js';
import type { LoadBalancerType } from '../../config/spec.js';
import { loadBalancerFor, renderLoadBalancer } from '../../lb/render.js';
import { runReloadCommand } from '../../lb/run-reload.js';
import { upstreamServers, type LbMembershipInput } from '../../lb/servers.js';
import { writeFileIfChanged } from '../../lb/write-file.js';
import { JSON_FLAG, type CommandSpec } from '../command.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { flagValue, hasSwitch } from '../flags.js';
import { writeJson } from '../io.js';

const USAGE = 'lb nginx|haproxy <app> [--out FILE] [--reload-cmd CMD] [--json]';

export const lb: CommandSpec = {
  usage: USAGE,
  flags: [
    { name: 'out', type: 'string', value: 'FILE', help: 'write the block to FILE atomically (unchanged content is not rewritten) instead of printing it' },
    { name: 'reload-cmd', type: 'string', value: 'CMD', help: 'after --out, run CMD through /bin/sh (e.g. "nginx -s reload"); killed after 10 s' },
    JSON_FLAG,
  ],
  details: [
    'An nginx upstream block or HAProxy backend listing the app\'s live instances: online, with a',
    'port, and healthy when the app has a health check. Options come from the app\'s load_balancer',
    'setting when it has one (with the type asked for here), else from the defaults: least_conn for',
    'nginx, roundrobin for HAProxy, weight 1, max_fails/fall 3, fail_timeout 30s, keepalive 32,',
    'option httpchk GET <the health-check path or /health>, check inter 5s rise 2.',
    '--json prints { app, type, servers: [{ id, host, port }], text }, plus { file, written, reload? } with --out.',
    'A failing reload command is reported on stderr with its output, and the exit code is 1.',
    '',
    'examples:\n  pmdaemon lb nginx web\n  pmdaemon lb nginx web --out /etc/nginx/conf.d/web-upstream.conf --reload-cmd "nginx -s reload"\n  pmdaemon lb haproxy api --json',
  ].join('\n'),
  async run(args, { io, connect }) {
    const [typeText, app, ...extra] = args.positionals;
    if (typeText === undefined || app === undefined || extra.length > 0) throw new UsageError(`usage: pmdaemon ${USAGE}`);
    const type = parseLoadBalancerType(typeText);
    if (app === 'all') throw new UsageError('lb writes the upstream of one app; name it');
    const out = flagValue(args, 'out');
    const reloadCmd = flagValue(args, 'reload-cmd');
    if (reloadCmd !== undefined && out === undefined) throw new UsageError('--reload-cmd runs after the file is written; give --out FILE too');

    const infos = await (await connect()).describe({ app });
    const spec = infos[0]?.spec;
    const servers = upstreamServers(membershipOf(infos), new Set());
    const text = renderLoadBalancer(loadBalancerFor(type, app, spec), servers, app);
    const result = { app, type, servers, text };
    if (out === undefined) {
      if (hasSwitch(args, 'json')) writeJson(io, result);
      else io.stdout.write(text);
      return EXIT.ok;
    }

    const file = path.resolve(io.cwd, out);
    const written = await writeFileIfChanged(file, text);
    // The reload runs even when the file was unchanged: an earlier reload may have failed.
    const reload = reloadCmd === undefined ? undefined : await runReloadCommand(reloadCmd, { cwd: io.cwd, env: io.env });
    if (hasSwitch(args, 'json')) writeJson(io, { ...result, file, written, ...(reload === undefined ? {} : { reload }) });
    else {
      const count = `${servers.length} server${servers.length === 1 ? '' : 's'}`;
      io.stdout.write(written ? `wrote ${file} (${count})\n` : `${file} is already up to date (${count})\n`);
      if (reload?.ok) io.stdout.write(`${reload.message}\n`);
    }
    if (reload === undefined || reload.ok) return EXIT.ok;
    io.stderr.write(`pmdaemon: ${written ? 'wrote' : 'kept'} ${file}, but the ${reload.message}\n`);
    return EXIT.failure;
  },
};

/** `nginx` or `haproxy`; anything else is a usage error naming both. */
export function parseLoadBalancerType(text: string): LoadBalancerType {
  if (text === 'nginx' || text === 'haproxy') return text;
  throw new UsageError(`"${text}" is not a load balancer type; use nginx or haproxy: pmdaemon ${USAGE}`);
}

/** What the membership rule needs, from the instances `describe` returns. */
function membershipOf(infos: readonly InstanceInfo[]): LbMembershipInput {
  const spec = infos[0]?.spec ?? {};
  return {
    spec,
    instances: infos.map(({ row }) => ({
      id: row.instance,
      status: row.status,
      health: row.health,
      ...(row.pid === null ? {} : { pid: row.pid }),
      ...(row.port === null ? {} : { port: row.port }),
    })),
  };
}
