import { Box, Text, useInput, type Key } from 'ink';
import { useStore } from 'zustand';
import { activeBindings, footerHints, keyName, resolveKey, type Binding, type Command, type KeyContext } from '../keymap.js';
import { clampScroll, helpLines } from '../components/help-lines.js';
import { Footer } from '../components/Footer.js';
import { Grid } from '../components/Grid.js';
import { Header } from '../components/Header.js';
import { Help } from '../components/Help.js';
import { TooSmall } from '../components/TooSmall.js';
import type { UiState, UiStore } from '../state/ui-state.js';
import type { Theme } from '../theme.js';
import type { Controller } from './controller.js';
import { footerMessage, gridInput, rowsOf } from './grid-screen.js';
import { gridLayout } from './layout.js';
import { BottomPane } from './BottomPane.js';
import { ViewPane } from './ViewPane.js';
import type { LogSource } from './log-source.js';

export interface AppProps {
  store: UiStore;
  controller: Controller;
  bindings: readonly Binding[];
  theme: Theme;
  unicode: boolean;
  logs: LogSource;
}

/** The whole screen; reads the UI store and sends keys to the controller through the keymap. */
export function App({ store, controller, bindings, theme, unicode, logs }: AppProps) {
  const s = useStore(store);
  const active = activeBindings(bindings, s.readOnly);
  const context = keyContext(s);

  useInput((input, key) => {
    // Keys typed fast or pasted over a slow link arrive as one string: one press per character.
    if (input.length > 1 && !key.ctrl && !key.meta && !input.includes('\x1b')) {
      for (const char of input) handleKey(char, { ...key, return: false });
      return;
    }
    handleKey(input, key);
  });

  function handleKey(input: string, key: Key): void {
    const state = store.getState();
    if (key.ctrl && input === 'c') return controller.run('quit');
    if (state.confirm) return controller.confirm(input === 'y' || input === 'Y');
    if (state.editing === 'filter') {
      if (key.escape) return controller.run('back');
      return controller.type({ input, backspace: key.backspace || key.delete, enter: key.return });
    }
    if (state.editing === 'search') {
      if (key.escape) return controller.run('back');
      return logs.typeSearch({ input, backspace: key.backspace || key.delete, enter: key.return }, () => store.setState({ editing: undefined }));
    }
    const name = keyName({ input, upArrow: key.upArrow, downArrow: key.downArrow, pageUp: key.pageUp, pageDown: key.pageDown, return: key.return, escape: key.escape, tab: key.tab, ctrl: key.ctrl });
    if (name === undefined) return;
    const command = resolveKey(active, keyContext(state), name);
    if (!command) return;
    if (keyContext(state) === 'help') return scrollHelp(command, state);
    if (keyContext(state) === 'logs' && logs.handles(command)) return logs.run(command);
    if (command === 'follow') return logs.run(command);
    controller.run(command);
  }

  /** Up/down and page keys move the help; other keys act as usual (Esc and ? close it). */
  function scrollHelp(command: Command, state: UiState): void {
    const step = { up: -1, down: 1, pageUp: -helpRows(state), pageDown: helpRows(state) } as Partial<Record<Command, number>>;
    const by = step[command];
    if (by === undefined) return controller.run(command);
    const total = helpLines(active, state.columns, unicode, theme.glyphs.ellipsis).length;
    store.setState({ helpScroll: clampScroll(state.helpScroll + by, total, helpRows(state)) });
  }

  if (s.columns < 80 || s.rows < 24) return <TooSmall columns={s.columns} rows={s.rows} />;
  const width = s.columns;
  const lost = s.connection !== 'connected';
  const layout = gridLayout(s.rows, s.focus, lost);
  const rows = rowsOf(s);
  const footer = footerMessage(s, theme);
  const body = layout.grid + layout.bottom;

  return (
    <Box flexDirection="column" width={width} height={s.rows - 1}>
      <Header mirror={s.mirror} now={s.now} width={width} theme={theme} mode={s.mode} stale={s.connection === 'lost'} />
      {lost ? (
        <Text inverse color={theme.warn} wrap="truncate">
          {s.connection === 'lost' ? ' the daemon went away: values below are stale; reconnecting... (q quits) ' : ' connecting to the daemon... '}
        </Text>
      ) : null}
      {s.showHelp ? (
        <Help bindings={active} width={width} height={body} theme={theme} unicode={unicode} readOnly={s.readOnly} scroll={s.helpScroll} />
      ) : s.view === 'grid' ? (
        <>
          <Grid {...gridInput(s, rows, theme, unicode)} />
          <BottomPane state={s} rows={rows} width={width} height={layout.bottom} theme={theme} />
        </>
      ) : (
        <ViewPane state={s} rows={rows} width={width} height={body} theme={theme} />
      )}
      <Footer hints={footerHints(active, context, unicode)} width={width} theme={theme} {...(footer ? { message: footer } : {})} />
    </Box>
  );
}

/** Rows of help lines under the help's title. */
function helpRows(s: UiState): number {
  const layout = gridLayout(s.rows, s.focus, s.connection !== 'connected');
  return Math.max(1, layout.grid + layout.bottom - 1);
}

function keyContext(s: UiState): KeyContext {
  if (s.showHelp) return 'help';
  if (s.view !== 'grid') return s.view;
  return s.focus === 'logs' ? 'logs' : 'grid';
}
