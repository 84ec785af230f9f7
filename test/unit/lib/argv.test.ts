import { describe, expect, it } from 'vitest';
import { CommandSyntaxError, splitCommand } from '../../../src/lib/argv.js';

describe('splitCommand', () => {
  it('splits on runs of spaces, tabs and newlines', () => {
    expect(splitCommand('  node   server.js\t--port\n3000  ')).toEqual(['node', 'server.js', '--port', '3000']);
  });

  it('returns no words for an empty or blank line', () => {
    expect(splitCommand('')).toEqual([]);
    expect(splitCommand(' \t ')).toEqual([]);
  });

  it('keeps single-quoted text literally, backslashes and double quotes included', () => {
    expect(splitCommand(`echo 'a "b" \\n c'`)).toEqual(['echo', 'a "b" \\n c']);
  });

  it('keeps spaces inside double quotes', () => {
    expect(splitCommand('node app.js --title "my web app"')).toEqual(['node', 'app.js', '--title', 'my web app']);
  });

  it('lets a backslash escape only $ ` " \\ inside double quotes, as POSIX does', () => {
    expect(splitCommand('"a\\"b" "c\\\\d" "e\\$f" "g\\nh"')).toEqual(['a"b', 'c\\d', 'e$f', 'g\\nh']);
  });

  it('lets a backslash escape any character outside quotes', () => {
    expect(splitCommand('my\\ file.txt \\"x\\" \\\\')).toEqual(['my file.txt', '"x"', '\\']);
  });

  it('joins quoted and unquoted parts that touch into one word', () => {
    expect(splitCommand(`--name="a b"'c d'e`)).toEqual(['--name=a bc de']);
  });

  it('keeps an empty quoted string as an empty argument', () => {
    expect(splitCommand(`cmd "" '' x`)).toEqual(['cmd', '', '', 'x']);
  });

  it('does not expand variables, globs or tildes', () => {
    expect(splitCommand('serve --port ${PORT} "$HOME" *.js ~')).toEqual(['serve', '--port', '${PORT}', '$HOME', '*.js', '~']);
  });

  it('treats backslash-newline as a line continuation', () => {
    expect(splitCommand('node \\\nserver.js a\\\nb')).toEqual(['node', 'server.js', 'ab']);
  });

  it('keeps a trailing backslash literally, as sh does', () => {
    expect(splitCommand('echo a\\')).toEqual(['echo', 'a\\']);
  });

  it('throws a CommandSyntaxError naming the column of an unterminated double quote', () => {
    let error: unknown;
    try {
      splitCommand('node "server.js --x');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CommandSyntaxError);
    expect((error as CommandSyntaxError).name).toBe('CommandSyntaxError');
    expect((error as CommandSyntaxError).column).toBe(6);
    expect((error as CommandSyntaxError).message).toBe(
      'unterminated double quote (opened at column 6) in command: node "server.js --x',
    );
  });

  it('throws on an unterminated single quote', () => {
    expect(() => splitCommand(`echo 'it`)).toThrow('unterminated single quote (opened at column 6)');
  });

  it('does not end a double-quoted string at an escaped quote', () => {
    expect(() => splitCommand('echo "abc\\"')).toThrow('unterminated double quote');
  });
});
