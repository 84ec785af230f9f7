import { JSON_FLAG } from '../command.js';
import type { FlagDef } from '../flags.js';

/** Flags of `start` that set an ecosystem field of the app being started, and the field each sets. */
export const SPEC_FLAGS: ReadonlyArray<FlagDef & { field: string }> = [
  { name: 'name', field: 'name', type: 'string', value: 'NAME', help: 'app name (default: the script file name without extension)' },
  { name: 'instances', field: 'instances', type: 'string', value: 'N|max|-1', help: 'instance count: a number, "max" (CPUs) or -1 (CPUs - 1)' },
  { name: 'port', field: 'port', type: 'string', value: 'PORTS', help: 'a port (3000), a range (3000-3003: instance i gets 3000+i) or auto:3000-3100' },
  { name: 'env', field: 'env', type: 'string', multiple: true, value: 'K=V', help: 'an environment variable for every instance (repeatable)' },
  { name: 'cwd', field: 'cwd', type: 'string', value: 'DIR', help: 'working directory (default: the current one)' },
  { name: 'max-memory', field: 'max_memory_restart', type: 'string', value: 'SIZE', help: 'restart an instance whose RSS passes this ("600M", "1.5G")' },
  { name: 'cpu-affinity', field: 'cpu_affinity', type: 'string', value: 'CPUS', help: 'pin instance i to CPU list[i mod len] ("0,1", "0-3")' },
  { name: 'instance-var', field: 'instance_var', type: 'string', value: 'VAR', help: 'also export the instance id under this variable name' },
  { name: 'merge-logs', field: 'merge_logs', type: 'boolean', help: 'one out/err log pair for the app instead of one per instance' },
  { name: 'max-restarts', field: 'max_restarts', type: 'string', value: 'N', help: 'unstable exits in a row before an instance is errored (default 16)' },
  { name: 'min-uptime', field: 'min_uptime', type: 'string', value: 'TIME', help: 'an exit sooner than this is unstable (default 1s)' },
  { name: 'restart-delay', field: 'restart_delay', type: 'string', value: 'TIME', help: 'wait this long before each restart (default 0)' },
  { name: 'kill-timeout', field: 'kill_timeout', type: 'string', value: 'TIME', help: 'SIGKILL a stopping instance after this (default 1600ms)' },
  { name: 'no-autorestart', field: 'autorestart', type: 'boolean', help: 'do not restart instances that exit' },
  { name: 'health-url', field: 'health_check.url', type: 'string', value: 'URL', help: 'HTTP health check: GET this URL, healthy on 2xx (may use ${PORT})' },
  { name: 'health-cmd', field: 'health_check.command', type: 'string', value: 'COMMAND', help: 'script health check: a shell command that exits 0 when healthy' },
  { name: 'health-interval', field: 'health_check.interval', type: 'string', value: 'TIME', help: 'time between checks (plain numbers are seconds; default 10s)' },
  { name: 'health-timeout', field: 'health_check.timeout', type: 'string', value: 'TIME', help: 'a check slower than this fails (plain numbers are seconds; default 5s)' },
  { name: 'health-retries', field: 'health_check.retries', type: 'string', value: 'N', help: 'failures in a row before unhealthy (default 3)' },
  { name: 'shell', field: 'shell', type: 'boolean', help: 'run the command through /bin/sh -c' },
];

/** Every flag of `start`. */
export const START_FLAGS: readonly FlagDef[] = [
  ...SPEC_FLAGS.map(({ field: _field, ...def }) => def),
  { name: 'only', type: 'string', value: 'a,b', help: 'with an ecosystem file: start only these apps' },
  { name: 'instance', type: 'string', value: 'ID', help: 'with the name of a stopped app: start only this instance' },
  JSON_FLAG,
];
