import type { Command } from '../keymap.js';

/** The log pane's side of the keyboard; its lines live outside React state (see the Ink notes). */
export interface LogSource {
  handles(command: Command): boolean;
  run(command: Command): void;
  typeSearch(key: { input: string; backspace?: boolean; enter?: boolean }, done: () => void): void;
}
