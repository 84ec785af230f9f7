import { Box, Text } from 'ink';
import { displayKey, type Binding } from '../keymap.js';
import type { Theme } from '../theme.js';
import { clampScroll, helpLines } from './help-lines.js';
import { fit } from './text-fit.js';

export interface HelpProps {
  bindings: readonly Binding[];
  width: number;
  height: number;
  theme: Theme;
  unicode: boolean;
  readOnly: boolean;
  /** First help line shown, when the lines do not all fit (up/down and page keys move it). */
  scroll?: number;
}

/** Every binding in force, from the same keymap that drives the keys and the footer; scrolls when it does not fit. */
export function Help({ bindings, width, height, theme, unicode, readOnly, scroll = 0 }: HelpProps) {
  const lines = helpLines(bindings, width, unicode, theme.glyphs.ellipsis);
  const rows = Math.max(1, height - 1);
  const first = clampScroll(scroll, lines.length, rows);
  const scrollKeys = scrollHint(bindings, unicode);
  const position = lines.length > rows ? ` [${first + 1}-${Math.min(lines.length, first + rows)} of ${lines.length}${scrollKeys ? `, ${scrollKeys} scroll` : ''}]` : '';
  const title = `Keys${readOnly ? ' (read-only: actions are off)' : ''}${position}: Esc or ? to close; keys can be rebound in $PMDAEMON_HOME/keys.json`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fit(title, width, theme.glyphs.ellipsis)}
      </Text>
      {lines.slice(first, first + rows).map((line, row) => (
        <Text key={row} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}

/** "Up/Down PgUp/PgDn": the first keys of the scroll commands that work in the help. */
function scrollHint(bindings: readonly Binding[], unicode: boolean): string {
  const first = (command: Binding['command']): string | undefined => {
    const key = bindings.find((b) => b.command === command && b.contexts.includes('help'))?.keys[0];
    return key === undefined ? undefined : displayKey(key, unicode);
  };
  return [
    [first('up'), first('down')],
    [first('pageUp'), first('pageDown')],
  ]
    .map((pair) => pair.filter((k) => k !== undefined).join('/'))
    .filter((text) => text !== '')
    .join(' ');
}
