import { Text } from 'ink';
import type { Theme } from '../theme.js';
import { fit } from './text-fit.js';

export interface FooterProps {
  hints: ReadonlyArray<{ key: string; label: string }>;
  width: number;
  theme: Theme;
  /** Overrides the hints: a notice, a confirmation question or the text being typed. */
  message?: { text: string; level: 'info' | 'error' | 'prompt' };
}

/** One row: the key hints of the current view (from the keymap), or a message. */
export function Footer({ hints, width, theme, message }: FooterProps) {
  if (message) {
    const color = message.level === 'error' ? theme.error : message.level === 'prompt' ? theme.warn : theme.accent;
    return (
      <Text color={color} bold wrap="truncate">
        {fit(message.text, width, theme.glyphs.ellipsis)}
      </Text>
    );
  }
  const parts: string[] = [];
  let used = 0;
  for (const h of hints) {
    const part = `${h.key} ${h.label}`;
    if (used + part.length + 2 > width) break;
    parts.push(part);
    used += part.length + 2;
  }
  return (
    <Text wrap="truncate">
      {parts.map((p, k) => {
        const [key, ...label] = p.split(' ');
        return (
          <Text key={k}>
            <Text bold color={theme.accent}>{key}</Text>
            <Text color={theme.dim}>{` ${label.join(' ')}${k < parts.length - 1 ? '  ' : ''}`}</Text>
          </Text>
        );
      })}
    </Text>
  );
}
