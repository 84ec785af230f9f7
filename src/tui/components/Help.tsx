import { Box, Text } from 'ink';
import { displayKey, type Binding } from '../keymap.js';
import type { Theme } from '../theme.js';
import { fit } from './text-fit.js';

export interface HelpProps {
  bindings: readonly Binding[];
  width: number;
  height: number;
  theme: Theme;
  unicode: boolean;
  readOnly: boolean;
}

/** Every binding in force, from the same keymap that drives the keys and the footer. */
export function Help({ bindings, width, height, theme, unicode, readOnly }: HelpProps) {
  const lines = bindings.map((b) => ({ keys: b.keys.map((k) => displayKey(k, unicode)).join(' '), help: b.help }));
  const keyWidth = Math.min(16, Math.max(...lines.map((l) => l.keys.length)) + 2);
  const title = `Keys${readOnly ? ' (read-only: actions are off)' : ''}: Esc or ? to close; keys can be rebound in $PMDAEMON_HOME/keys.json`;
  const rows = Math.max(1, height - 1);
  // Two columns when one does not fit (29 bindings in 19 rows at 80x24); each entry then shows
  // the short label, the footer's word, with as much of the sentence as fits.
  const columns = lines.length > rows ? 2 : 1;
  const perColumn = Math.ceil(lines.length / columns);
  const columnWidth = Math.floor(width / columns);
  const cell = (k: number): string => {
    const l = lines[k];
    return l ? fit(l.keys, keyWidth, theme.glyphs.ellipsis) + fit(l.help, Math.max(0, columnWidth - keyWidth - (columns > 1 ? 1 : 0)), theme.glyphs.ellipsis) : '';
  };
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fit(title, width, theme.glyphs.ellipsis)}
      </Text>
      {Array.from({ length: Math.min(rows, perColumn) }, (_, row) => (
        <Text key={row} wrap="truncate">
          {Array.from({ length: columns }, (_, col) => cell(col * perColumn + row) + (col < columns - 1 ? ' ' : '')).join('')}
        </Text>
      ))}
    </Box>
  );
}
