import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile, SPEC_DEFAULTS } from '../../../src/config/index.js';
import { configErrorOf, fixture } from './helpers.js';

describe('loadConfigFile', () => {
  it('loads a single app object, naming it after its script and resolving the script', async () => {
    const [app, ...rest] = await loadConfigFile(fixture('valid-single.json5'), { cpus: 2 });
    expect(rest).toEqual([]);
    expect(app).toMatchObject({
      name: 'server',
      script: fixture('server.js'),
      args: [],
      cwd: path.dirname(fixture('server.js')),
      instances: 1,
      port: { kind: 'single', port: 3000 },
      env: { NODE_ENV: 'production', DEBUG: 'false', WORKERS: '2' },
      maxMemoryBytes: 600 * 1024 * 1024,
      killSignal: 'SIGINT',
      autorestart: SPEC_DEFAULTS.autorestart,
      killTimeoutMs: SPEC_DEFAULTS.killTimeoutMs,
      logMaxBytes: 10 * 1024 * 1024,
      logRetain: 5,
    });
  });

  it('loads { apps: [...] } from a .json file with every kind of value normalised', async () => {
    const specs = await loadConfigFile(fixture('apps.json'), { cpus: 4 });
    expect(specs.map((s) => s.name)).toEqual(['web', 'worker', 'api']);
    const [web, worker, api] = specs;
    expect(web).toMatchObject({
      args: ['--listen', '${PORT}', '--title', 'my web'],
      instancesSetting: 'max',
      instances: 4,
      execMode: 'cluster',
      port: { kind: 'range', from: 3000, to: 3003 },
      minUptimeMs: 2000,
      restartDelayMs: 250,
      cpuAffinity: [0, 1],
      healthCheck: {
        type: 'http',
        url: 'http://127.0.0.1:${PORT}/health',
        intervalMs: 5000,
        timeoutMs: 500,
        graceMs: 10_000,
        retries: SPEC_DEFAULTS.health.retries,
      },
    });
    expect(worker).toMatchObject({
      script: 'python3',
      args: ['worker.py', '--queue', 'jobs'],
      instancesSetting: -1,
      instances: 3,
      port: { kind: 'auto', from: 3000, to: 3100 },
      logMaxBytes: 1.5 * 1024 * 1024,
      logRetain: 2,
    });
    expect(api).toMatchObject({
      cwd: fixture('sub'),
      script: fixture('sub', 'api.js'),
      healthCheck: { type: 'script', command: 'true' },
    });
  });

  it('lets auto: ranges overlap each other and fixed ranges', async () => {
    const specs = await loadConfigFile(fixture('auto-overlap.json5'), { cpus: 4 });
    expect(specs.map((s) => s.port.kind)).toEqual(['range', 'auto', 'auto']);
  });

  it('keeps only the apps named in `only`, in file order', async () => {
    const specs = await loadConfigFile(fixture('apps.json'), { cpus: 4, only: ['api', 'web'] });
    expect(specs.map((s) => s.name)).toEqual(['web', 'api']);
  });

  it('rejects an `only` name that is not in the file, listing the names that are', async () => {
    const file = fixture('apps.json');
    const error = await configErrorOf(() => loadConfigFile(file, { cpus: 4, only: ['web', 'wrker'] }));
    expect(error.message).toBe(`${file}: no app named "wrker"; the file has: web, worker, api`);
  });

  it('reports a syntax error as file:line:column with what was found and where', async () => {
    const file = fixture('syntax-error.json5');
    const error = await configErrorOf(() => loadConfigFile(file));
    expect(error.message.split('\n')).toEqual([
      `${file}:4:5: invalid character '{'`,
      "      { name: 'api', script: 'server.js' },",
      '      ^',
    ]);
    expect(error.location).toEqual({ file, line: 4, column: 5 });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('rejects a file type it cannot read', async () => {
    const file = fixture('invalid', 'wrong-extension.yaml');
    const error = await configErrorOf(() => loadConfigFile(file));
    expect(error.message).toBe(`${file}: unsupported config file type ".yaml"; use a .json or .json5 file`);
  });
});

describe('loadConfigFile on files it makes itself', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says a missing file was not found, with its full path', async () => {
    const error = await configErrorOf(() => loadConfigFile(path.join(dir, 'ecosystem.json5')));
    expect(error.message).toBe(`${path.join(dir, 'ecosystem.json5')}: config file not found: ${path.join(dir, 'ecosystem.json5')}`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('says a directory is not a config file', async () => {
    const sub = path.join(dir, 'conf.json');
    fs.mkdirSync(sub);
    const error = await configErrorOf(() => loadConfigFile(sub));
    expect(error.message).toContain(`${sub} is a directory`);
  });

  it('says an empty file is empty', async () => {
    const file = path.join(dir, 'empty.json');
    fs.writeFileSync(file, '\n');
    const error = await configErrorOf(() => loadConfigFile(file));
    expect(error.message).toBe(`${file}: the file is empty; write one app object or { "apps": [ ... ] }`);
  });

  it('resolves relative paths against the file, not the process cwd', async () => {
    fs.mkdirSync(path.join(dir, 'app'));
    fs.writeFileSync(path.join(dir, 'app', 'main.py'), 'print(1)\n');
    fs.writeFileSync(path.join(dir, 'eco.json5'), "{ cwd: 'app', script: 'main.py' }");
    const [spec] = await loadConfigFile(path.join(dir, 'eco.json5'), { cpus: 1 });
    expect(spec).toMatchObject({ name: 'main', cwd: path.join(dir, 'app'), script: path.join(dir, 'app', 'main.py') });
  });

  it('uses the machine CPU count for "max" when none is given', async () => {
    fs.writeFileSync(path.join(dir, 'eco.json'), JSON.stringify({ script: 'sleep', args: ['60'], instances: 'max' }));
    const [spec] = await loadConfigFile(path.join(dir, 'eco.json'));
    expect(spec?.instances).toBe(os.availableParallelism());
  });
});
