import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/index.js';
import { UsageError } from '../../../src/cli/exit-codes.js';
import { parseFlags } from '../../../src/cli/flags.js';
import { isConfigFile, specFromFlags, specsFromFile } from '../../../src/cli/start/build-start-specs.js';
import { messageInFlags } from '../../../src/cli/start/flag-errors.js';
import { rawAppFromFlags } from '../../../src/cli/start/flags-to-raw.js';
import { START_FLAGS } from '../../../src/cli/start/start-flags.js';
import { FIXTURES } from './local-cli.js';

const args = (argv: string[]) => parseFlags(argv, START_FLAGS, 'start');
const raw = (command: string, argv: string[] = []) => rawAppFromFlags(command, args(argv));

function thrown(act: () => unknown): Error {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('start flags → raw ecosystem app', () => {
  it('splits a command string: the first word is the script, the rest and -- args are its args', () => {
    expect(raw('node server.js --x "a b"', ['--', '--port', '${PORT}'])).toEqual({
      script: 'node',
      args: ['server.js', '--x', 'a b', '--port', '${PORT}'],
    });
    expect(raw('server.js')).toEqual({ script: 'server.js' });
  });

  it('keeps the command as written with --shell, -- args apart', () => {
    expect(raw('echo $HOME | wc -c', ['--shell', '--', 'x'])).toEqual({ script: 'echo $HOME | wc -c', args: ['x'], shell: true });
  });

  it('maps every spec flag to its ecosystem field, as text for the validator to read', () => {
    const argv = [
      '--name', 'web', '--instances', 'max', '--port', '3000-3003', '--env', 'A=1', '--env', 'B=x=y', '--cwd', 'sub',
      '--max-memory', '600M', '--cpu-affinity', '0', '--instance-var', 'IID', '--merge-logs', '--max-restarts', '5',
      '--min-uptime', '2s', '--restart-delay', '100', '--kill-timeout', '3s', '--no-autorestart',
      '--health-url', 'http://127.0.0.1:${PORT}/health', '--health-interval', '5', '--health-timeout', '1s', '--health-retries', '2',
    ];
    expect(raw('server.js', argv)).toEqual({
      script: 'server.js',
      name: 'web',
      instances: 'max',
      port: '3000-3003',
      env: { A: '1', B: 'x=y' },
      cwd: 'sub',
      max_memory_restart: '600M',
      cpu_affinity: '0',
      instance_var: 'IID',
      merge_logs: true,
      max_restarts: '5',
      min_uptime: '2s',
      restart_delay: '100',
      kill_timeout: '3s',
      autorestart: false,
      health_check: { url: 'http://127.0.0.1:${PORT}/health', interval: '5', timeout: '1s', retries: '2' },
    });
  });

  it('refuses --env without "=", a health setting without a check, and both checks at once', () => {
    expect(thrown(() => raw('a.js', ['--env', 'FOO'])).message).toBe('--env "FOO" is not K=V; write e.g. --env NODE_ENV=production');
    expect(thrown(() => raw('a.js', ['--health-interval', '5'])).message).toBe('--health-interval needs a check: add --health-url URL or --health-cmd COMMAND');
    const both = thrown(() => raw('a.js', ['--health-url', 'http://x/', '--health-cmd', 'true']));
    expect(both).toBeInstanceOf(UsageError);
    expect(both.message).toMatch(/cannot be combined/);
  });

  it('reports an unterminated quote in the command as a usage error', () => {
    const error = thrown(() => raw('node "server.js'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('cannot split the command "node \\"server.js": unterminated double quote (opened at column 6); close the quote or escape it');
  });
});

describe('specFromFlags', () => {
  it('builds a spec through the config validator: name from the script, paths resolved', () => {
    const spec = specFromFlags('node idle.mjs --x', args(['--instances', '2', '--port', '3100-3101', '--kill-timeout', '3s', '--max-memory', '1.5G', '--', 'y']), FIXTURES);
    expect(spec).toMatchObject({ name: 'idle', script: 'node', args: ['idle.mjs', '--x', 'y'], instances: 2, cwd: path.resolve(FIXTURES), killTimeoutMs: 3000, maxMemoryBytes: 1.5 * 1024 ** 3 });
    expect(spec.port).toEqual({ kind: 'range', from: 3100, to: 3101 });
    expect(specFromFlags('idle.mjs', args([]), FIXTURES).script).toBe(path.join(FIXTURES, 'idle.mjs'));
  });

  it('words validation errors in flags, one line per problem', () => {
    const error = thrown(() => specFromFlags('idle.mjs', args(['--instances', 'lots', '--min-uptime', 'soon', '--max-memory', '12Q']), FIXTURES));
    expect(error).toBeInstanceOf(ConfigError);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toContain('app "idle": --instances is "lots"; use a positive number, "max" or -1');
    expect(lines).toContain('app "idle": --min-uptime is "soon"; use a number of milliseconds or a string with a unit: "500ms", "10s", "2m", "1h"');
    expect(lines).toContain('app "idle": --max-memory is "12Q"; use a number of bytes greater than 0 or a size like "512K", "600M", "1.5G"');
  });

  it('names --port with the range to use when it is too small for --instances', () => {
    const error = thrown(() => specFromFlags('idle.mjs', args(['--instances', '3', '--port', '3000']), FIXTURES));
    expect(error.message).toBe('app "idle": --port is "3000" but 3 instances need 3 ports and a single port fits one instance; use "3000-3002"');
  });

  it('says a missing script does not exist and points at --cwd', () => {
    const error = thrown(() => specFromFlags('nope.js', args([]), FIXTURES));
    expect(error.message).toBe(`the command is "nope.js"; ${path.join(FIXTURES, 'nope.js')} does not exist; fix the path or --cwd`);
  });

  it('refuses --only without an ecosystem file', () => {
    expect(thrown(() => specFromFlags('idle.mjs', args(['--only', 'a']), FIXTURES))).toBeInstanceOf(UsageError);
  });
});

describe('ecosystem files', () => {
  it('recognises .json and .json5 files', () => {
    expect(isConfigFile('ecosystem.json5')).toBe(true);
    expect(isConfigFile('apps.JSON')).toBe(true);
    expect(isConfigFile('server.js')).toBe(false);
  });

  it('loads the apps of a file relative to the cwd, keeping only --only ones', async () => {
    const specs = await specsFromFile('configs/apps.json', args(['--only', 'api']), FIXTURES);
    expect(specs.map((s) => s.name)).toEqual(['api']);
    expect(specs[0]!.cwd.startsWith(path.join(FIXTURES, 'configs'))).toBe(true);
  });

  it('refuses spec flags and -- args next to a file', async () => {
    await expect(specsFromFile('configs/apps.json', args(['--instances', '2']), FIXTURES)).rejects.toThrow('--instances cannot be combined with an ecosystem file; set it in configs/apps.json');
    await expect(specsFromFile('configs/apps.json', args(['--', 'x']), os.tmpdir())).rejects.toThrow(UsageError);
  });
});

describe('messageInFlags', () => {
  it('rewrites quoted field names into the flags that set them, longest first', () => {
    expect(messageInFlags('"health_check.url" uses ${PORT} but the app has no "port"; set "port"')).toBe('--health-url uses ${PORT} but the app has no --port; set --port');
    expect(messageInFlags('"env.FOO" is {}; use a string')).toBe('--env FOO is {}; use a string');
    expect(messageInFlags('"max_memory_restart" is "x"')).toBe('--max-memory is "x"');
  });
});
