import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { instanceCommand, shellQuote } from '../../../src/supervisor/instance-command.js';
import { makeSpec } from '../../helpers/make-spec.js';

const first = { id: 0, port: undefined };

/** Runs `words` through a real /bin/sh with each one quoted, and returns what printf saw. */
function throughShell(format: string, words: string[]): string {
  return execFileSync('/bin/sh', ['-c', `printf '${format}' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
}

describe('instanceCommand', () => {
  it.each(['.js', '.mjs', '.cjs', '.JS'])('runs a %s script with the node that runs pmdaemon', (ext) => {
    const spec = makeSpec({ script: `/srv/app/server${ext}`, args: ['--x'] });
    expect(instanceCommand(spec, first)).toEqual({ file: process.execPath, args: [`/srv/app/server${ext}`, '--x'] });
  });

  it('runs a .py script with python3 and a .sh script with bash', () => {
    expect(instanceCommand(makeSpec({ script: '/srv/worker.py' }), first)).toEqual({ file: 'python3', args: ['/srv/worker.py'] });
    expect(instanceCommand(makeSpec({ script: '/srv/run.sh' }), first)).toEqual({ file: 'bash', args: ['/srv/run.sh'] });
  });

  it('executes any other program directly with its args', () => {
    expect(instanceCommand(makeSpec({ script: '/usr/bin/redis-server', args: ['--port', '6379'] }), first)).toEqual({
      file: '/usr/bin/redis-server',
      args: ['--port', '6379'],
    });
    expect(instanceCommand(makeSpec({ script: '/srv/app.rb' }), first)).toEqual({ file: '/srv/app.rb', args: [] });
  });

  it('uses an explicit interpreter instead of the one the extension implies', () => {
    const spec = makeSpec({ script: '/srv/tool.js', interpreter: 'deno', args: ['a'] });
    expect(instanceCommand(spec, first)).toEqual({ file: 'deno', args: ['/srv/tool.js', 'a'] });
  });

  it('maps the interpreter "node" to the node that runs pmdaemon', () => {
    const spec = makeSpec({ script: '/srv/tool', interpreter: 'node' });
    expect(instanceCommand(spec, first)).toEqual({ file: process.execPath, args: ['/srv/tool'] });
  });

  it('interpolates ${PORT} and ${INSTANCE_ID} in args', () => {
    const spec = makeSpec({ script: '/srv/bin/serve', args: ['--port', '${PORT}', '--name=w${INSTANCE_ID}'] });
    expect(instanceCommand(spec, { id: 2, port: 3002 }).args).toEqual(['--port', '3002', '--name=w2']);
  });

  it('runs a shell command line through /bin/sh -c with each arg quoted', () => {
    const spec = makeSpec({ shell: true, script: 'exec node server.js | tee out', args: ['a b', '${PORT}'] });
    expect(instanceCommand(spec, { id: 0, port: 3000 })).toEqual({ file: '/bin/sh', args: ['-c', "exec node server.js | tee out 'a b' 3000"] });
  });

  it('ignores the interpreter in shell mode', () => {
    const spec = makeSpec({ shell: true, script: 'echo hi', interpreter: 'python3' });
    expect(instanceCommand(spec, first)).toEqual({ file: '/bin/sh', args: ['-c', 'echo hi'] });
  });

  it('passes shell-mode args to the program exactly as written, through a real shell', () => {
    const args = ['two words', "it's", '$HOME', '; rm -rf /tmp/nothing', ''];
    const cmd = instanceCommand(makeSpec({ shell: true, script: `printf '[%s]'`, args }), first);
    const out = execFileSync(cmd.file, cmd.args, { encoding: 'utf8' });
    expect(out).toBe(args.map((a) => `[${a}]`).join(''));
  });

  it('pins instance i to CPU list[i mod len] with taskset', () => {
    const spec = makeSpec({ script: '/srv/bin/serve', args: ['x'], cpuAffinity: [2, 5] });
    const cpus = [0, 1, 2, 3].map((id) => instanceCommand(spec, { id, port: undefined }));
    expect(cpus.map((c) => c.args[1])).toEqual(['2', '5', '2', '5']);
    expect(cpus[3]).toEqual({ file: 'taskset', args: ['-c', '5', '/srv/bin/serve', 'x'] });
  });

  it('wraps the interpreter or the shell, not the script, in taskset', () => {
    const node = instanceCommand(makeSpec({ script: '/srv/a.js', cpuAffinity: [1] }), first);
    expect(node).toEqual({ file: 'taskset', args: ['-c', '1', process.execPath, '/srv/a.js'] });
    const shell = instanceCommand(makeSpec({ shell: true, script: 'echo hi', cpuAffinity: [0] }), first);
    expect(shell).toEqual({ file: 'taskset', args: ['-c', '0', '/bin/sh', '-c', 'echo hi'] });
  });

  it('does not use taskset when the CPU list is empty', () => {
    expect(instanceCommand(makeSpec({ script: '/srv/bin/serve', cpuAffinity: [] }), first).file).toBe('/srv/bin/serve');
  });
});

describe('shellQuote', () => {
  it('leaves plain words such as paths, flags and key=value unquoted', () => {
    for (const word of ['server.js', '/srv/app/a-b_c.js', '--port=3000', 'user@host:22', '50%', 'a,b+c']) {
      expect(shellQuote(word)).toBe(word);
    }
  });

  it('keeps nasty words intact through a real /bin/sh', () => {
    const words = [
      'two words',
      "it's",
      '"double"',
      '$HOME',
      '${PORT}',
      '`id`',
      '$(id)',
      'back\\slash',
      'trailing\\',
      "''",
      '*',
      '~',
      'a;b&c|d>e<f',
      '#comment',
      '\ttab',
      '-n',
    ];
    expect(throughShell('%s\\n', words)).toBe(words.map((w) => `${w}\n`).join(''));
  });

  it('keeps an empty word as one empty argument', () => {
    expect(shellQuote('')).toBe("''");
    expect(throughShell('[%s]', ['a', '', 'b'])).toBe('[a][][b]');
  });

  it('keeps a word with a newline as one argument', () => {
    expect(throughShell('[%s]', ['line 1\nline 2', 'x'])).toBe('[line 1\nline 2][x]');
  });
});
