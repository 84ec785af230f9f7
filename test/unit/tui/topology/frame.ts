/** The lines of an Ink frame without ANSI codes, for measuring widths. */
export function frameLines(frame: string | undefined): string[] {
  // eslint-disable-next-line no-control-regex
  return (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
}

/** True when the text has any escape sequence. */
export function hasEscapes(text: string | undefined): boolean {
  return (text ?? '').includes('\x1b[');
}
