import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/index.js';
import { configErrorOf, fixture } from './helpers.js';

const dir = fixture('invalid');

// [fixture, the single line expected after "<file>: ", the field the error names]
const cases: Array<[string, string, string | undefined]> = [
  ['unknown-field', 'app "web": unknown field "instnaces"; did you mean "instances"?', 'instnaces'],
  ['unknown-health-field', 'app "web": unknown field "health_check.intreval"; did you mean "interval"?', 'health_check.intreval'],
  ['instances-negative', 'app "web": "instances" is -3; use a positive number, "max" or -1', 'instances'],
  ['exec-mode', 'app "web": "exec_mode" is "threads"; use "fork" or "cluster"', 'exec_mode'],
  ['port-syntax', 'app "web": "port" is "3000:3003"; use a port like 3000, a range like "3000-3003" or "auto:3000-3100"', 'port'],
  ['port-out-of-range', 'app "web": "port" is 70000; ports must be between 1 and 65535', 'port'],
  ['port-reversed', 'app "web": "port" is "3003-3000"; a range goes from low to high, e.g. "3000-3003"', 'port'],
  [
    'single-port-many-instances',
    'app "web": "port" is "3000" but 4 instances need 4 ports and a single port fits one instance; use "3000-3003"',
    'port',
  ],
  [
    'range-too-small',
    'app "web": "port" is "3000-3001" but 6 instances need 6 ports and that range has 2 ports; use "3000-3005"',
    'port',
  ],
  [
    'ports-overlap',
    'apps "web" (port "3000-3003") and "api" (port "3002-3005") both claim ports 3002-3003; give each app its own ports or use "auto:" ranges',
    'port',
  ],
  ['env-value', 'app "web": "env.BAD" is {"nested":1}; use a string, number or boolean', 'env'],
  [
    'instance-var',
    'app "web": "instance_var" is "INSTANCE ID"; use an environment variable name like "INSTANCE_ID" (letters, digits, "_")',
    'instance_var',
  ],
  ['boolean', 'app "web": "autorestart" is "yes"; use true or false', 'autorestart'],
  ['shell', 'app "web": "shell" is "sh"; use true or false', 'shell'],
  ['max-restarts', 'app "web": "max_restarts" is -1; use a whole number of 0 or more', 'max_restarts'],
  [
    'duration',
    'app "web": "min_uptime" is "10 minutes"; use a number of milliseconds or a string with a unit: "500ms", "10s", "2m", "1h"',
    'min_uptime',
  ],
  [
    'kill-signal',
    'app "web": "kill_signal" is "SIGSTOPPLEASE"; use a signal name like "SIGTERM", "SIGINT", "SIGQUIT" or "SIGUSR2"',
    'kill_signal',
  ],
  [
    'memory',
    'app "web": "max_memory_restart" is "600X"; use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"',
    'max_memory_restart',
  ],
  [
    'log-max-size',
    'app "web": "log_max_size" is 0; use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"',
    'log_max_size',
  ],
  ['log-retain', 'app "web": "log_retain" is 1.5; use a whole number of 0 or more', 'log_retain'],
  [
    'cpu-affinity-syntax',
    'app "web": "cpu_affinity" is "first"; use a list like "0,1", "0-3", "0,2-3" or [0, 2]',
    'cpu_affinity',
  ],
  [
    'cpu-affinity-missing-cpu',
    'app "web": "cpu_affinity" is "0,2-7"; this machine has 4 CPUs (CPUs 0-3); CPU 4 does not exist',
    'cpu_affinity',
  ],
  ['namespace', 'app "web": "namespace" is "my space"; use 1-64 letters, digits, ".", "_" or "-"', 'namespace'],
  ['interpreter', 'app "web": "interpreter" is ""; use a non-empty string', 'interpreter'],
  [
    'health-type',
    'app "web": "health_check.check_type" is "grpc"; use "http" (with "url"), "tcp" or "script" (with "command")',
    'health_check.check_type',
  ],
  [
    'health-http-no-url',
    'app "web": "health_check.url" is missing; use an http(s) URL like "http://127.0.0.1:${PORT}/health"',
    'health_check.url',
  ],
  [
    'health-script-no-command',
    'app "web": "health_check.command" is missing; use a shell command that exits 0 when healthy, e.g. "curl -fs http://127.0.0.1:${PORT}/"',
    'health_check.command',
  ],
  [
    'health-interval',
    'app "web": "health_check.interval" is 0; use a duration greater than 0, e.g. 5 (seconds) or "500ms"',
    'health_check.interval',
  ],
  [
    'health-tcp-no-port',
    'app "web": "health_check.check_type" is "tcp" but the app has no "port"; set "port" or use check_type "http" or "script"',
    'health_check.check_type',
  ],
  ['duplicate-names', 'app "web": "name" is used by 2 apps (#1, #2); app names must be unique', 'name'],
  [
    'missing-name',
    'app #2: "name" is missing; every app needs a unique "name" when the file has several apps',
    'name',
  ],
  ['invalid-name', 'app "my web": "name" is "my web"; use 1-64 letters, digits, ".", "_" or "-"', 'name'],
  [
    'missing-script',
    'app "web": "script" is missing; set it to the program or script to run, e.g. "server.js" or "python3 worker.py"',
    'script',
  ],
  [
    'script-file-missing',
    `app "web": "script" is "nope.js"; ${path.join(dir, 'nope.js')} does not exist; fix the path or "cwd"`,
    'script',
  ],
  [
    'cwd-missing',
    `app "web": "cwd" is "no-such-dir"; ${path.join(dir, 'no-such-dir')} does not exist; create it or fix the path`,
    'cwd',
  ],
  [
    'args-unterminated',
    `app "web": "args" is "--title 'my web"; unterminated single quote (opened at column 9); close the quote or escape it with a backslash`,
    'args',
  ],
  [
    'args-type',
    'app "web": "args" is {"port":1}; use an array of strings like ["--port", "${PORT}"] or one string "--port ${PORT}"',
    'args',
  ],
  ['apps-not-array', '"apps" is {"name":"web","script":"../server.js"}; a config file holds one app object or { "apps": [ ... ] }', undefined],
  ['apps-empty', '"apps" is empty; add at least one app', undefined],
  [
    'top-level-extra',
    'unknown top-level field "deploy" next to "apps"; a config file holds one app object or { "apps": [ ... ] }',
    undefined,
  ],
  ['not-an-object', 'the file holds number; a config file holds one app object or { "apps": [ ... ] }', undefined],
];

describe('invalid config files', () => {
  it.each(cases)('%s is rejected with one line naming the file, app, field and fix', async (name, expected, field) => {
    const file = path.join(dir, `${name}.json5`);
    const error = await configErrorOf(() => loadConfigFile(file, { cpus: 4 }));
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe(`${file}: ${expected}`);
    expect(error.field).toBe(field);
  });

  it('has a fixture for every case and a case for every fixture', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json5')).map((f) => f.replace(/\.json5$/, ''));
    expect(files.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it('names the app on an error about one app', async () => {
    const error = await configErrorOf(() => loadConfigFile(path.join(dir, 'instances-negative.json5'), { cpus: 4 }));
    expect(error.app).toBe('web');
    expect(error.problems).toEqual([{ app: 'web', field: 'instances', message: error.message }]);
  });

  it('lists every problem of the file, one line each, across apps', async () => {
    const file = fixture('many-problems.json5');
    const error = await configErrorOf(() => loadConfigFile(file, { cpus: 4 }));
    expect(error.message.split('\n')).toEqual([
      `${file}: app "web": unknown field "instnaces"; did you mean "instances"?`,
      `${file}: app "web": "kill_signal" is "SIGNOPE"; use a signal name like "SIGTERM", "SIGINT", "SIGQUIT" or "SIGUSR2"`,
      `${file}: app "worker": "max_memory_restart" is "lots"; use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"`,
    ]);
    expect(error.problems.map((p) => p.app)).toEqual(['web', 'web', 'worker']);
    // With several problems no single app/field describes the error.
    expect(error.app).toBeUndefined();
  });
});
