import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Help } from '../../../../src/tui/components/Help.js';
import {
  activeBindings,
  DEFAULT_BINDINGS,
  displayKey,
  footerHints,
  keyName,
  resolveKey,
  type Binding,
  type KeyContext,
} from '../../../../src/tui/keymap.js';
import { createTheme } from '../../../../src/tui/theme.js';

const CONTEXTS: readonly KeyContext[] = ['grid', 'logs', 'topology', 'compare', 'help'];
const theme = createTheme('none', false);

function helpFrame(bindings: readonly Binding[], readOnly: boolean): string {
  const { lastFrame, unmount } = render(<Help bindings={bindings} width={100} height={40} theme={theme} unicode={false} readOnly={readOnly} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('keymap', () => {
  it('resolves every key of every command in each context the command lists, and in no other', () => {
    for (const b of DEFAULT_BINDINGS) {
      for (const context of CONTEXTS) {
        for (const key of b.keys) {
          const resolved = resolveKey(DEFAULT_BINDINGS, context, key);
          if (b.contexts.includes(context)) expect(resolved, `${key} in ${context}`).toBe(b.command);
          else expect(resolved, `${key} in ${context}`).not.toBe(b.command);
        }
      }
    }
  });

  it('resolves nothing for a key no binding has', () => {
    expect(resolveKey(DEFAULT_BINDINGS, 'grid', 'Z')).toBeUndefined();
    expect(resolveKey(DEFAULT_BINDINGS, 'logs', 'r')).toBeUndefined();
  });

  it('binds no key twice in one context', () => {
    for (const context of CONTEXTS) {
      const seen = new Map<string, string>();
      for (const b of DEFAULT_BINDINGS.filter((x) => x.contexts.includes(context))) {
        for (const key of b.keys) {
          expect(seen.get(key), `"${key}" in ${context}: ${seen.get(key)} and ${b.command}`).toBeUndefined();
          seen.set(key, b.command);
        }
      }
    }
  });

  it('with --read-only drops every action binding from the keys, the footer hints and the help', () => {
    const actions = DEFAULT_BINDINGS.filter((b) => b.action);
    expect(actions.map((b) => b.command)).toEqual(expect.arrayContaining(['scaleUp', 'scaleDown', 'restart', 'rollingRestart', 'stopStart', 'delete']));
    const readOnly = activeBindings(DEFAULT_BINDINGS, true);
    const writable = activeBindings(DEFAULT_BINDINGS, false);
    expect(writable).toHaveLength(DEFAULT_BINDINGS.length);
    expect(readOnly).toHaveLength(DEFAULT_BINDINGS.length - actions.length);

    for (const a of actions) {
      for (const context of a.contexts) {
        for (const key of a.keys) {
          expect(resolveKey(writable, context, key)).toBe(a.command);
          expect(resolveKey(readOnly, context, key)).toBeUndefined();
        }
      }
    }

    const actionLabels = new Set(actions.map((a) => a.label));
    const writableLabels = CONTEXTS.flatMap((c) => footerHints(writable, c).map((h) => h.label));
    const readOnlyLabels = CONTEXTS.flatMap((c) => footerHints(readOnly, c).map((h) => h.label));
    expect(writableLabels).toEqual(expect.arrayContaining(['restart', 'scale', 'stop/start', 'rolling']));
    for (const label of readOnlyLabels) expect(actionLabels.has(label), label).toBe(false);

    const full = helpFrame(writable, false);
    const limited = helpFrame(readOnly, true);
    expect(limited).toContain('read-only');
    for (const a of actions) {
      const start = a.help.slice(0, 30);
      expect(full).toContain(start);
      expect(limited).not.toContain(start);
    }
  });

  it('takes the footer hints from the table: rebinding or relabelling a command changes its hint', () => {
    expect(footerHints(DEFAULT_BINDINGS, 'grid', false)).toContainEqual({ key: 'r', label: 'restart' });
    const rebound = DEFAULT_BINDINGS.map((b) => (b.command === 'restart' ? { ...b, keys: ['e', 'r'], label: 'reboot' } : b));
    const hints = footerHints(rebound, 'grid', false);
    expect(hints).toContainEqual({ key: 'e', label: 'reboot' });
    expect(hints.find((h) => h.label === 'restart')).toBeUndefined();
    // Only hinted bindings of the context, in table order.
    const quit = DEFAULT_BINDINGS.map((b) => (b.command === 'quit' ? { ...b, keys: ['ctrl+q'] } : b));
    expect(footerHints(quit, 'logs', false).at(-1)).toEqual({ key: 'ctrl+q', label: 'quit' });
    expect(footerHints(DEFAULT_BINDINGS, 'grid').map((h) => h.label)).not.toContain('search');
    expect(footerHints(DEFAULT_BINDINGS, 'logs').map((h) => h.label)).toContain('search');
  });

  it('builds the scale hint from the keys of both scale commands', () => {
    expect(footerHints(DEFAULT_BINDINGS, 'grid', false)).toContainEqual({ key: '+/-', label: 'scale' });
    const rebound = DEFAULT_BINDINGS.map((b) => (b.command === 'scaleUp' ? { ...b, keys: [']'] } : b.command === 'scaleDown' ? { ...b, keys: ['['] } : b));
    expect(footerHints(rebound, 'grid', false)).toContainEqual({ key: ']/[', label: 'scale' });
  });

  it('shows the hinted keys by their display names', () => {
    const toggle = DEFAULT_BINDINGS.map((b) => (b.command === 'toggleApp' ? { ...b, keys: ['tab'] } : b.command === 'nextView' ? { ...b, keys: ['v'] } : b));
    expect(footerHints(toggle, 'grid', false)).toContainEqual({ key: 'Tab', label: 'expand' });
    expect(displayKey('up', true)).toBe('↑');
    expect(displayKey('up', false)).toBe('Up');
    expect(displayKey('escape')).toBe('Esc');
    expect(displayKey('x')).toBe('x');
  });

  it('names arrow keys, Enter, Esc, Tab, page keys and ctrl combinations in the keymap vocabulary', () => {
    expect(keyName({ input: '', upArrow: true })).toBe('up');
    expect(keyName({ input: '', downArrow: true })).toBe('down');
    expect(keyName({ input: '', pageUp: true })).toBe('pageup');
    expect(keyName({ input: '', pageDown: true })).toBe('pagedown');
    expect(keyName({ input: '\r', return: true })).toBe('enter');
    expect(keyName({ input: '', escape: true })).toBe('escape');
    expect(keyName({ input: '\t', tab: true })).toBe('tab');
    expect(keyName({ input: 'r', ctrl: true })).toBe('ctrl+r');
    expect(keyName({ input: '', ctrl: true })).toBeUndefined();
    expect(keyName({ input: 'R' })).toBe('R');
    expect(keyName({ input: 'ab' })).toBeUndefined();
    for (const name of ['up', 'down', 'enter', 'escape', 'tab']) expect(DEFAULT_BINDINGS.some((b) => b.keys.includes(name)), name).toBe(true);
  });
});
