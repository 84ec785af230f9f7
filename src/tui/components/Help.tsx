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
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fit(title, width, theme.glyphs.ellipsis)}
      </Text>
      {lines.slice(0, Math.max(0, height - 1)).map((l, k) => (
        <Text key={k} wrap="truncate">
          <Text bold>{fit(l.keys, keyWidth, theme.glyphs.ellipsis)}</Text>
          <Text>{fit(l.help, Math.max(0, width - keyWidth), theme.glyphs.ellipsis)}</Text>
        </Text>
      ))}
    </Box>
  );
}
