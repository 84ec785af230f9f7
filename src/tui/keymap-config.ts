import fs from 'node:fs';
import JSON5 from 'json5';
import { suggestField } from '../config/fields.js';
import { DEFAULT_BINDINGS, type Binding } from './keymap.js';

export class KeymapError extends Error {
  override readonly name = 'KeymapError';
}

/**
 * Applies `{ "restart": ["r", "ctrl+r"] }` overrides to the default bindings (pure). Unknown
 * commands and keys bound twice in one context are errors naming the file.
 */
export function applyKeyOverrides(overrides: unknown, file: string, defaults: readonly Binding[] = DEFAULT_BINDINGS): Binding[] {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new KeymapError(`${file}: expected an object of command names to key lists, like { "restart": ["r"] }`);
  }
  const commands = defaults.map((b) => b.command as string);
  const bindings = defaults.map((b) => ({ ...b }));
  for (const [command, keys] of Object.entries(overrides)) {
    const binding = bindings.find((b) => b.command === command);
    if (!binding) {
      // suggestField compares in snake_case: give it the commands in that spelling too.
      const snake = suggestField(command, commands.map(toSnake));
      const near = commands.find((c) => toSnake(c) === snake);
      throw new KeymapError(`${file}: unknown command "${command}"${near ? `; did you mean "${near}"?` : ''} (commands: ${commands.join(', ')})`);
    }
    const list = typeof keys === 'string' ? [keys] : keys;
    if (!Array.isArray(list) || list.length === 0 || !list.every((k) => typeof k === 'string' && k.length > 0)) {
      throw new KeymapError(`${file}: "${command}" must be a key or a list of keys, like ["r", "ctrl+r"]`);
    }
    binding.keys = list;
  }
  for (const [i, a] of bindings.entries()) {
    for (const b of bindings.slice(i + 1)) {
      const shared = a.keys.filter((k) => b.keys.includes(k));
      const context = a.contexts.find((c) => b.contexts.includes(c));
      if (shared.length > 0 && context) {
        throw new KeymapError(`${file}: key "${shared[0]}" is bound to both "${a.command}" and "${b.command}" in the ${context} view`);
      }
    }
  }
  return bindings;
}

function toSnake(command: string): string {
  return command.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The bindings from `file` if it exists, else the defaults. */
export function loadKeymap(file: string): Binding[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return DEFAULT_BINDINGS.map((b) => ({ ...b }));
  }
  let parsed: unknown;
  try {
    parsed = JSON5.parse(text);
  } catch (error) {
    throw new KeymapError(`${file}: ${(error as Error).message}`);
  }
  const keys = typeof parsed === 'object' && parsed !== null && 'keys' in parsed ? (parsed as { keys: unknown }).keys : parsed;
  return applyKeyOverrides(keys, file);
}
