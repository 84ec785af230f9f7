import JSON5 from 'json5';
import { ConfigError } from './errors.js';

interface Json5SyntaxError extends SyntaxError {
  lineNumber: number;
  columnNumber: number;
}

function isJson5SyntaxError(err: unknown): err is Json5SyntaxError {
  return err instanceof SyntaxError && typeof (err as Partial<Json5SyntaxError>).lineNumber === 'number';
}

/** Parses the text of a .json or .json5 config; a syntax error names `file:line:column` and what was found. */
export function parseConfigText(text: string, file: string): unknown {
  if (text.trim() === '') {
    const message = `${file}: the file is empty; write one app object or { "apps": [ ... ] }`;
    throw new ConfigError(message, { location: { file } });
  }
  try {
    return JSON5.parse(text);
  } catch (err) {
    if (!isJson5SyntaxError(err)) throw err;
    const { lineNumber: line, columnNumber: column } = err;
    // json5 says "JSON5: invalid character 'x' at 3:5"; keep only the "what" part.
    const what = err.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    const source = (text.split(/\r?\n/)[line - 1] ?? '').replace(/\t/g, ' ');
    const pointer = `${' '.repeat(Math.max(0, column - 1))}^`;
    const hint = what.startsWith('invalid end of input') ? '; is a bracket, brace or quote left open?' : '';
    throw new ConfigError(`${file}:${line}:${column}: ${what}${hint}\n  ${source}\n  ${pointer}`, {
      location: { file, line, column },
      cause: err,
    });
  }
}
