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
  const parts = fitHints(hints, width);
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

/** The hints that fit in `width`, in order; the last two (help and quit end the keymap) are kept even when others are dropped. */
function fitHints(hints: FooterProps['hints'], width: number): string[] {
  const all = hints.map((h) => `${h.key} ${h.label}`);
  const size = (parts: readonly string[]): number => parts.reduce((sum, p) => sum + p.length + 2, 0);
  if (size(all) <= width) return all;
  const tail = all.slice(-2);
  const head: string[] = [];
  for (const part of all.slice(0, -2)) {
    if (size([...head, part, ...tail]) > width) break;
    head.push(part);
  }
  return size(tail) <= width ? [...head, ...tail] : [];
}
