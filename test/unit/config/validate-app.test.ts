import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAppSpec, buildAppSpecs, SPEC_DEFAULTS, type AppContext } from '../../../src/config/index.js';
import { configErrorOf } from './helpers.js';

let dir: string;
let ctx: AppContext;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  fs.writeFileSync(path.join(dir, 'server.js'), '');
  fs.writeFileSync(path.join(dir, 'my app.sh'), '');
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin', 'serve'), '');
  ctx = { file: 'eco.json5', baseDir: dir, cpus: 4 };
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function messageOf(raw: Record<string, unknown>, context: AppContext = ctx): Promise<string> {
  return (await configErrorOf(() => buildAppSpec(raw, context))).message;
}

describe('script, args and cwd', () => {
  it('stores an existing script as an absolute path and cwd as the base directory', () => {
    expect(buildAppSpec({ script: 'server.js' }, ctx)).toMatchObject({ script: path.join(dir, 'server.js'), cwd: dir });
  });

  it('finds an extensionless file relative to cwd', () => {
    expect(buildAppSpec({ script: 'serve', cwd: 'bin' }, ctx)).toMatchObject({
      name: 'serve',
      cwd: path.join(dir, 'bin'),
      script: path.join(dir, 'bin', 'serve'),
    });
  });

  it('keeps a program that is not a file as given, for PATH lookup', () => {
    expect(buildAppSpec({ name: 'x', script: 'node', args: ['-e', '1'] }, ctx)).toMatchObject({ script: 'node', args: ['-e', '1'] });
  });

  it('splits "python3 worker.py" into program and args and names the app after the script', () => {
    expect(buildAppSpec({ script: 'python3 worker.py --queue "high prio"' }, ctx)).toMatchObject({
      name: 'worker',
      script: 'python3',
      args: ['worker.py', '--queue', 'high prio'],
    });
  });

  it('resolves the first word of a split script against cwd', () => {
    expect(buildAppSpec({ script: 'server.js --x' }, ctx)).toMatchObject({ script: path.join(dir, 'server.js'), args: ['--x'] });
  });

  it('puts the words of a split script before explicit args', () => {
    expect(buildAppSpec({ name: 'w', script: 'node server.js', args: ['--port', '${PORT}'] }, ctx)).toMatchObject({
      script: 'node',
      args: ['server.js', '--port', '${PORT}'],
    });
  });

  it('does not split a script whose name with spaces is an existing file', () => {
    const spec = buildAppSpec({ name: 'spaced', script: 'my app.sh' }, ctx);
    expect(spec).toMatchObject({ script: path.join(dir, 'my app.sh'), args: [] });
  });

  it('splits an args string like a shell and leaves ${PORT} and ${INSTANCE_ID} alone', () => {
    expect(buildAppSpec({ script: 'server.js', args: `--port \${PORT} --id=\${INSTANCE_ID} --msg 'a b'` }, ctx).args).toEqual([
      '--port',
      '${PORT}',
      '--id=${INSTANCE_ID}',
      '--msg',
      'a b',
    ]);
  });

  it('reports a missing script with a known extension by its full path, also after splitting', async () => {
    expect(await messageOf({ name: 'w', script: 'run.sh --fast' })).toBe(
      `eco.json5: app "w": "script" is "run.sh --fast"; ${path.join(dir, 'run.sh')} does not exist; fix the path or "cwd"`,
    );
  });

  it('reports a missing path with a slash, which PATH lookup could never find', async () => {
    expect(await messageOf({ name: 'w', script: './bin/missing' })).toContain(`${path.join(dir, 'bin', 'missing')} does not exist`);
  });

  it('reports an unterminated quote in script', async () => {
    expect(await messageOf({ name: 'w', script: 'node "server.js' })).toBe(
      'eco.json5: app "w": "script" is "node \\"server.js"; unterminated double quote (opened at column 6); close the quote or escape it with a backslash',
    );
  });

  it('keeps a shell command line as written', () => {
    const spec = buildAppSpec({ script: 'node server.js | tee out.log', shell: true }, ctx);
    expect(spec).toMatchObject({ name: 'server', script: 'node server.js | tee out.log', args: [], shell: true });
  });

  it('rejects an interpreter together with shell', async () => {
    expect(await messageOf({ name: 'w', script: 'x', shell: true, interpreter: 'python3' })).toContain(
      '"interpreter" is "python3"; it cannot be combined with "shell": true',
    );
  });

  it('keeps an explicit interpreter', () => {
    expect(buildAppSpec({ script: 'server.js', interpreter: 'bun' }, ctx).interpreter).toBe('bun');
  });

  it('rejects a cwd that is a file', async () => {
    expect(await messageOf({ name: 'w', script: 'x', cwd: 'server.js' })).toBe(
      `eco.json5: app "w": "cwd" is "server.js"; ${path.join(dir, 'server.js')} is not a directory`,
    );
  });

  it('accepts an absolute cwd and expands ~', () => {
    expect(buildAppSpec({ script: 'sleep', cwd: dir }, ctx).cwd).toBe(dir);
    expect(buildAppSpec({ script: 'sleep', cwd: '~' }, ctx).cwd).toBe(os.homedir());
  });

  it('does not claim a script is missing when cwd is already wrong', async () => {
    expect((await messageOf({ name: 'w', script: 'server.js', cwd: 'nope' })).split('\n')).toHaveLength(1);
  });
});

describe('names', () => {
  it('rejects a default name that is not a valid app name', async () => {
    expect(await messageOf({ script: 'my app.sh' })).toBe(
      'eco.json5: "name" is missing; the script name "my app" cannot be used as one; set "name" (1-64 letters, digits, ".", "_" or "-")',
    );
  });

  it('rejects names longer than 64 characters', async () => {
    expect(await messageOf({ name: 'a'.repeat(65), script: 'x' })).toContain('use 1-64 letters');
  });

  it('labels an app that is not an object by its position', async () => {
    const error = await configErrorOf(() => buildAppSpecs({ apps: [{ name: 'a', script: 'x' }, 42] }, ctx));
    expect(error.message).toBe(
      'eco.json5: app #2: the app is 42; use an object like { "name": "web", "script": "server.js" }',
    );
  });

  it('accepts a bare array of apps', () => {
    expect(buildAppSpecs([{ name: 'a', script: 'x' }], ctx).map((s) => s.name)).toEqual(['a']);
  });
});

describe('values', () => {
  it('fills in defaults from SPEC_DEFAULTS', () => {
    expect(buildAppSpec({ script: 'server.js' }, ctx)).toMatchObject({
      instances: 1,
      instancesSetting: 1,
      execMode: 'fork',
      port: { kind: 'none' },
      env: {},
      mergeLogs: false,
      shell: false,
      autorestart: SPEC_DEFAULTS.autorestart,
      maxRestarts: SPEC_DEFAULTS.maxRestarts,
      minUptimeMs: SPEC_DEFAULTS.minUptimeMs,
      restartDelayMs: SPEC_DEFAULTS.restartDelayMs,
      expBackoffRestartDelayMs: SPEC_DEFAULTS.expBackoffRestartDelayMs,
      killTimeoutMs: SPEC_DEFAULTS.killTimeoutMs,
      killSignal: SPEC_DEFAULTS.killSignal,
      namespace: SPEC_DEFAULTS.namespace,
      logMaxBytes: SPEC_DEFAULTS.logMaxBytes,
      logRetain: SPEC_DEFAULTS.logRetain,
      healthCheck: undefined,
      cpuAffinity: undefined,
      maxMemoryBytes: undefined,
    });
  });

  it.each([
    ['max', 8, 'max', 8],
    [-1, 8, -1, 7],
    [-1, 1, -1, 1],
    ['-1', 4, -1, 3],
    ['3', 4, 3, 3],
    [16, 2, 16, 16],
  ])('reads instances %j with %i CPUs', (instances, cpus, setting, count) => {
    const spec = buildAppSpec({ script: 'server.js', instances }, { ...ctx, cpus });
    expect([spec.instancesSetting, spec.instances]).toEqual([setting, count]);
  });

  it.each([[0], [2.5], ['many'], [-2], [null]])('rejects instances %j', async (instances) => {
    expect(await messageOf({ name: 'w', script: 'x', instances })).toMatch(/"instances" is .+; use a positive number, "max" or -1$/);
  });

  it('reads durations given as ms numbers and unit strings', () => {
    const spec = buildAppSpec(
      { script: 'x', min_uptime: '5s', restart_delay: 100, exp_backoff_restart_delay: '1.5s', kill_timeout: '1m' },
      ctx,
    );
    expect(spec).toMatchObject({ minUptimeMs: 5000, restartDelayMs: 100, expBackoffRestartDelayMs: 1500, killTimeoutMs: 60_000 });
  });

  it('turns env numbers and booleans into strings and keeps ${PORT} as text', () => {
    expect(buildAppSpec({ script: 'x', env: { A: 1, B: true, C: 'http://h:${PORT}' } }, ctx).env).toEqual({
      A: '1',
      B: 'true',
      C: 'http://h:${PORT}',
    });
  });

  it('rejects an env name containing "=" and reports every bad entry', async () => {
    const lines = (await messageOf({ name: 'w', script: 'x', env: { 'A=B': '1', C: null, D: [1] } })).split('\n');
    expect(lines).toEqual([
      'eco.json5: app "w": "env" has the variable name "A=B"; a name cannot be empty or contain "="',
      'eco.json5: app "w": "env.C" is null; use a string, number or boolean',
      'eco.json5: app "w": "env.D" is [1]; use a string, number or boolean',
    ]);
  });

  it('reads signal names in any case, with or without SIG', () => {
    expect(buildAppSpec({ script: 'x', kill_signal: 'TERM' }, ctx).killSignal).toBe('SIGTERM');
    expect(buildAppSpec({ script: 'x', kill_signal: 'sigint' }, ctx).killSignal).toBe('SIGINT');
    expect(buildAppSpec({ script: 'x', kill_signal: 'SIGUSR2' }, ctx).killSignal).toBe('SIGUSR2');
  });

  it('reads PM2 spellings of exec_mode', () => {
    expect(buildAppSpec({ script: 'x', exec_mode: 'cluster_mode' }, ctx).execMode).toBe('cluster');
    expect(buildAppSpec({ script: 'x', exec_mode: 'fork_mode' }, ctx).execMode).toBe('fork');
  });

  it.each([
    ['0,1', [0, 1]],
    ['0-3', [0, 1, 2, 3]],
    ['0, 2-3', [0, 2, 3]],
    [[3, 1, 1], [3, 1]],
    [2, [2]],
  ])('reads cpu_affinity %j', (cpuAffinity, expected) => {
    expect(buildAppSpec({ script: 'x', cpu_affinity: cpuAffinity }, ctx).cpuAffinity).toEqual(expected);
  });

  it.each([['3-1'], [[]], [[0.5]], [['0']], ['0-99999999'], [-1]])('rejects cpu_affinity %j', async (cpuAffinity) => {
    expect(await messageOf({ name: 'w', script: 'x', cpu_affinity: cpuAffinity })).toMatch(/"cpu_affinity" is .+; (use a list|this machine has 4 CPUs)/);
  });

  it('names the only CPU of a one-CPU machine', async () => {
    expect(await messageOf({ name: 'w', script: 'x', cpu_affinity: [1] }, { ...ctx, cpus: 1 })).toContain(
      'this machine has 1 CPU (CPU 0); CPU 1 does not exist',
    );
  });

  it('accepts whole-number strings for counts, as CLI flags arrive as text', () => {
    expect(buildAppSpec({ script: 'x', max_restarts: '3', log_retain: '0' }, ctx)).toMatchObject({ maxRestarts: 3, logRetain: 0 });
  });

  it('leaves out the file prefix when there is no file', async () => {
    expect(await messageOf({ name: 'w', script: 'x', instances: 0 }, { ...ctx, file: '' })).toBe(
      'app "w": "instances" is 0; use a positive number, "max" or -1',
    );
  });
});

describe('health_check', () => {
  it('reads plain numbers as seconds and strings with units as given', () => {
    const spec = buildAppSpec(
      { script: 'x', port: 3000, health_check: { check_type: 'tcp', timeout: 2, interval: '500ms', retries: 5, grace: '1m' } },
      ctx,
    );
    expect(spec.healthCheck).toEqual({ type: 'tcp', timeoutMs: 2000, intervalMs: 500, retries: 5, graceMs: 60_000 });
  });

  it('infers http from a url and script from a command, with default timings', () => {
    const http = buildAppSpec({ script: 'x', port: 3000, health_check: { url: 'https://127.0.0.1:${PORT}/' } }, ctx);
    expect(http.healthCheck).toEqual({ type: 'http', url: 'https://127.0.0.1:${PORT}/', ...SPEC_DEFAULTS.health });
    const script = buildAppSpec({ script: 'x', health_check: { command: 'test -f ready' } }, ctx);
    expect(script.healthCheck).toMatchObject({ type: 'script', command: 'test -f ready' });
  });

  it('asks for check_type when neither url nor command says it', async () => {
    expect(await messageOf({ name: 'w', script: 'x', health_check: {} })).toBe(
      'eco.json5: app "w": "health_check.check_type" is missing; use "http" (with "url"), "tcp" or "script" (with "command")',
    );
  });

  it('rejects a url that uses ${PORT} when the app has no port', async () => {
    expect(await messageOf({ name: 'w', script: 'x', health_check: { url: 'http://127.0.0.1:${PORT}/' } })).toContain(
      '"health_check.url" is "http://127.0.0.1:${PORT}/"; it uses ${PORT} but the app has no "port"',
    );
  });

  it('rejects a url that is not http(s)', async () => {
    expect(await messageOf({ name: 'w', script: 'x', health_check: { url: 'ftp://h/' } })).toContain(
      '"health_check.url" is "ftp://h/"; use an http(s) URL',
    );
  });

  it('rejects a url on a tcp check and a command on an http check', async () => {
    const lines = (
      await messageOf({ name: 'w', script: 'x', port: 3000, health_check: { check_type: 'tcp', url: 'http://h/' } })
    ).split('\n');
    expect(lines).toEqual([
      'eco.json5: app "w": "health_check.url" is "http://h/"; "url" is only used when check_type is "http"; remove it',
    ]);
    expect(
      await messageOf({ name: 'w', script: 'x', port: 3000, health_check: { url: 'http://h/', command: 'true' } }),
    ).toContain('"health_check.command" is "true"; "command" is only used when check_type is "script"');
  });

  it('rejects zero retries and a non-object health_check', async () => {
    expect(await messageOf({ name: 'w', script: 'x', health_check: { command: 'true', retries: 0 } })).toContain(
      '"health_check.retries" is 0; use a whole number of 1 or more',
    );
    expect(await messageOf({ name: 'w', script: 'x', health_check: 'http' })).toContain('"health_check" is "http"; use an object');
  });
});
