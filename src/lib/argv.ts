/** A command line that cannot be split into argv, e.g. because a quote is never closed. */
export class CommandSyntaxError extends Error {
  override readonly name = 'CommandSyntaxError';
  readonly command: string;
  /** 1-based column of the offending character. */
  readonly column: number;
  /** What is wrong, without the command, e.g. `unterminated double quote (opened at column 6)`. */
  readonly reason: string;

  constructor(reason: string, command: string, column: number) {
    super(`${reason} in command: ${command}`);
    this.reason = reason;
    this.command = command;
    this.column = column;
  }
}

const BLANKS = new Set([' ', '\t', '\n', '\r']);
// Inside double quotes POSIX lets a backslash escape only these; elsewhere it stays literal.
const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n']);

/**
 * Splits a command line into argv the way a POSIX shell would, without running one: single
 * and double quotes and backslash escapes are honoured, nothing is expanded (`$PORT` stays).
 */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line.charAt(i);
    if (BLANKS.has(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw unterminated('single', line, i);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      const [text, end] = readDoubleQuoted(line, i);
      word += text;
      inWord = true;
      i = end + 1;
    } else if (ch === '\\') {
      // A trailing backslash stays literal, as in sh; backslash-newline joins lines.
      if (i + 1 >= line.length) {
        word += '\\';
        inWord = true;
      } else if (line.charAt(i + 1) !== '\n') {
        word += line.charAt(i + 1);
        inWord = true;
      }
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Reads a double-quoted string starting at `open`; returns its text and the closing index. */
function readDoubleQuoted(line: string, open: number): [string, number] {
  let text = '';
  let i = open + 1;
  while (i < line.length) {
    const ch = line.charAt(i);
    if (ch === '"') return [text, i];
    if (ch === '\\' && i + 1 < line.length && DOUBLE_QUOTE_ESCAPABLE.has(line.charAt(i + 1))) {
      const next = line.charAt(i + 1);
      if (next !== '\n') text += next;
      i += 2;
    } else {
      text += ch;
      i += 1;
    }
  }
  throw unterminated('double', line, open);
}

function unterminated(kind: 'single' | 'double', line: string, at: number): CommandSyntaxError {
  const column = at + 1;
  return new CommandSyntaxError(`unterminated ${kind} quote (opened at column ${column})`, line, column);
}
