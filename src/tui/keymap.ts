/** Where the keyboard focus is; a binding is active in the contexts it lists. */
export type KeyContext = 'grid' | 'logs' | 'topology' | 'compare' | 'help';

export type Command =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'toggleApp'
  | 'scaleUp'
  | 'scaleDown'
  | 'restart'
  | 'rollingRestart'
  | 'stopStart'
  | 'delete'
  | 'focusLogs'
  | 'details'
  | 'filter'
  | 'faultsOnly'
  | 'follow'
  | 'search'
  | 'searchNext'
  | 'searchPrev'
  | 'merged'
  | 'sideBySide'
  | 'topology'
  | 'compare'
  | 'diffOnly'
  | 'nextView'
  | 'back'
  | 'help'
  | 'quit';

export interface Binding {
  command: Command;
  keys: readonly string[];
  /** A word or two for the footer. */
  label: string;
  /** A sentence for the `?` help. */
  help: string;
  contexts: readonly KeyContext[];
  /** Changes something on the server: hidden and disabled with --read-only. */
  action?: boolean;
  /** Shown in the footer (the rest only in `?` help). */
  hint?: boolean;
}

const ALL: readonly KeyContext[] = ['grid', 'logs', 'topology', 'compare', 'help'];
const LISTS: readonly KeyContext[] = ['grid', 'logs', 'topology', 'compare'];
// The help overlay scrolls with the same keys as the lists.
const SCROLLS: readonly KeyContext[] = [...LISTS, 'help'];

/** The one keymap: input handling, footer hints and help all come from this table. */
export const DEFAULT_BINDINGS: readonly Binding[] = [
  { command: 'up', keys: ['up', 'k'], label: 'up', help: 'Select the previous row (in logs and help: scroll up)', contexts: SCROLLS },
  { command: 'down', keys: ['down', 'j'], label: 'down', help: 'Select the next row (in logs and help: scroll down)', contexts: SCROLLS },
  { command: 'pageUp', keys: ['pageup'], label: 'page up', help: 'Scroll a page up', contexts: SCROLLS },
  { command: 'pageDown', keys: ['pagedown'], label: 'page down', help: 'Scroll a page down', contexts: SCROLLS },
  { command: 'toggleApp', keys: ['enter'], label: 'expand', help: 'Expand or collapse the selected app (topology: jump to the instance)', contexts: ['grid', 'topology'], hint: true },
  { command: 'scaleUp', keys: ['+', '='], label: 'scale', help: 'Scale the selected app up by one (presses add up to one target)', contexts: ['grid'], action: true, hint: true },
  { command: 'scaleDown', keys: ['-', '_'], label: 'scale', help: 'Scale the selected app down by one (removes the highest instance)', contexts: ['grid'], action: true },
  { command: 'restart', keys: ['r'], label: 'restart', help: 'Restart the selected instance (on an app row: every instance)', contexts: ['grid'], action: true, hint: true },
  { command: 'rollingRestart', keys: ['R'], label: 'rolling', help: 'Rolling restart of the selected app, one instance at a time', contexts: ['grid'], action: true, hint: true },
  { command: 'stopStart', keys: ['s'], label: 'stop/start', help: 'Stop the selected instance, or start it when stopped', contexts: ['grid'], action: true, hint: true },
  { command: 'delete', keys: ['x'], label: 'delete', help: 'Delete the selected app (asks first)', contexts: ['grid'], action: true },
  { command: 'focusLogs', keys: ['l'], label: 'logs', help: 'Focus the log pane of the selected instance (again: back to the grid)', contexts: ['grid', 'logs'], hint: true },
  { command: 'details', keys: ['d'], label: 'details', help: 'Show details (charts, exits, health) instead of logs below the grid', contexts: ['grid'] },
  { command: 'filter', keys: ['/'], label: 'filter', help: 'Filter the grid by name (in logs: search)', contexts: ['grid'], hint: true },
  { command: 'search', keys: ['/'], label: 'search', help: 'Search the log lines; n / N for the next and previous match', contexts: ['logs'], hint: true },
  { command: 'searchNext', keys: ['n'], label: 'next', help: 'Next search match', contexts: ['logs'] },
  { command: 'searchPrev', keys: ['N'], label: 'prev', help: 'Previous search match', contexts: ['logs'] },
  { command: 'faultsOnly', keys: ['F'], label: 'faults', help: 'Show only instances that are not online and healthy', contexts: ['grid'] },
  { command: 'follow', keys: ['f'], label: 'follow', help: 'Follow new log lines (resume after scrolling)', contexts: ['grid', 'logs'], hint: true },
  { command: 'merged', keys: ['m'], label: 'merged', help: 'Logs of every instance of the app, merged with prefixes', contexts: ['logs'], hint: true },
  { command: 'sideBySide', keys: ['b'], label: 'side by side', help: 'Logs of the selected instance and the next one side by side', contexts: ['logs'] },
  { command: 'topology', keys: ['t'], label: 'topology', help: 'Topology view: namespaces, apps, instances, ports and connections', contexts: ['grid', 'compare'], hint: true },
  { command: 'compare', keys: ['c'], label: 'compare', help: 'Compare the instances of the selected app side by side', contexts: ['grid', 'topology'], hint: true },
  { command: 'diffOnly', keys: ['D'], label: 'differences', help: 'Compare: show only the rows where instances differ', contexts: ['compare'], hint: true },
  { command: 'nextView', keys: ['tab'], label: 'view', help: 'Switch view: grid, topology, compare in turn', contexts: LISTS },
  { command: 'back', keys: ['escape'], label: 'back', help: 'Back to the grid; cancel a filter, a search or a rolling restart in progress', contexts: ALL, hint: true },
  { command: 'help', keys: ['?'], label: 'help', help: 'This help', contexts: ALL, hint: true },
  { command: 'quit', keys: ['q'], label: 'quit', help: 'Quit (the processes keep running in daemon mode)', contexts: ALL, hint: true },
];

/** The key a terminal key press names, in the vocabulary of the keymap. */
export interface KeyPress {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  ctrl?: boolean;
}

export function keyName(press: KeyPress): string | undefined {
  if (press.upArrow) return 'up';
  if (press.downArrow) return 'down';
  if (press.pageUp) return 'pageup';
  if (press.pageDown) return 'pagedown';
  if (press.return) return 'enter';
  if (press.escape) return 'escape';
  if (press.tab) return 'tab';
  if (press.ctrl) return press.input ? `ctrl+${press.input}` : undefined;
  return press.input.length === 1 ? press.input : undefined;
}

/** The bindings in force: read-only drops every action. */
export function activeBindings(bindings: readonly Binding[], readOnly: boolean): Binding[] {
  return bindings.filter((b) => !(readOnly && b.action));
}

/** The command a key runs in a context, if any. */
export function resolveKey(bindings: readonly Binding[], context: KeyContext, key: string): Command | undefined {
  return bindings.find((b) => b.contexts.includes(context) && b.keys.includes(key))?.command;
}

/** Footer hints for a context: `r restart`, with the first key of each hinted binding. */
export function footerHints(bindings: readonly Binding[], context: KeyContext, unicode = true): Array<{ key: string; label: string }> {
  const seen = new Set<string>();
  const hints: Array<{ key: string; label: string }> = [];
  for (const b of bindings) {
    if (!b.hint || !b.contexts.includes(context) || seen.has(b.label)) continue;
    seen.add(b.label);
    const keys = b.command === 'scaleUp' ? scaleKeys(bindings, b, context, unicode) : displayKey(b.keys[0] ?? '', unicode);
    hints.push({ key: keys, label: b.label });
  }
  return hints;
}

/** `+/-`: one hint for both scale commands, from their own first keys. */
function scaleKeys(bindings: readonly Binding[], up: Binding, context: KeyContext, unicode: boolean): string {
  const down = bindings.find((b) => b.command === 'scaleDown' && b.contexts.includes(context));
  const first = displayKey(up.keys[0] ?? '', unicode);
  return down ? `${first}/${displayKey(down.keys[0] ?? '', unicode)}` : first;
}

export function displayKey(key: string, unicode = true): string {
  const names: Record<string, string> = { up: unicode ? '↑' : 'Up', down: unicode ? '↓' : 'Down', enter: 'Enter', escape: 'Esc', tab: 'Tab', pageup: 'PgUp', pagedown: 'PgDn' };
  return names[key] ?? key;
}
