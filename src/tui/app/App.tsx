import { Box, Text, useInput, type Key } from 'ink';
import { useStore } from 'zustand';
import { activeBindings, footerHints, keyName, resolveKey, type Binding, type KeyContext } from '../keymap.js';
import { Footer } from '../components/Footer.js';
import { Grid } from '../components/Grid.js';
import { Header } from '../components/Header.js';
import { Help } from '../components/Help.js';
import { TooSmall } from '../components/TooSmall.js';
import { gridRows } from '../state/grid-rows.js';
import type { UiState, UiStore } from '../state/ui-state.js';
import type { Theme } from '../theme.js';
import type { Controller } from './controller.js';
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
    if (keyContext(state) === 'logs' && logs.handles(command)) return logs.run(command);
    if (command === 'follow') return logs.run(command);
    controller.run(command);
  }

  if (s.columns < 80 || s.rows < 24) return <TooSmall columns={s.columns} rows={s.rows} />;
  const width = s.columns;
  const lost = s.connection !== 'connected';
  const layout = gridLayout(s.rows, s.focus, lost);
  const rows = gridRows(s.mirror, { collapsed: s.collapsed, text: s.filter, faultsOnly: s.faultsOnly });
  const footer = footerMessage(s, theme);
  const body = layout.grid + layout.bottom;

  return (
    <Box flexDirection="column" width={width} height={s.rows - 1}>
      <Header mirror={s.mirror} now={s.now} width={width} theme={theme} mode={s.mode} />
      {lost ? (
        <Text inverse color={theme.warn} wrap="truncate">
          {s.connection === 'lost' ? ' the daemon went away: values below are stale; reconnecting... (q quits) ' : ' connecting to the daemon... '}
        </Text>
      ) : null}
      {s.showHelp ? (
        <Help bindings={active} width={width} height={body} theme={theme} unicode={unicode} readOnly={s.readOnly} />
      ) : s.view === 'grid' ? (
        <>
          <Grid rows={rows} selectedKey={s.selectedKey ?? rows[0]?.key} width={width} height={layout.grid} theme={theme} unicode={unicode} now={s.now} changed={s.changed} pendingScale={s.pendingScale} rolling={s.rolling} focused={s.focus === 'grid'} />
          <BottomPane state={s} rows={rows} width={width} height={layout.bottom} theme={theme} />
        </>
      ) : (
        <ViewPane state={s} rows={rows} width={width} height={body} theme={theme} />
      )}
      <Footer hints={footerHints(active, context, unicode)} width={width} theme={theme} {...(footer ? { message: footer } : {})} />
    </Box>
  );
}

function keyContext(s: UiState): KeyContext {
  if (s.showHelp) return 'help';
  if (s.view !== 'grid') return s.view;
  return s.focus === 'logs' ? 'logs' : 'grid';
}

function footerMessage(s: UiState, theme: Theme): { text: string; level: 'info' | 'error' | 'prompt' } | undefined {
  if (s.confirm) return { text: s.confirm.message, level: 'prompt' };
  if (s.editing === 'filter') return { text: `filter: ${s.filter}${theme.glyphs.cursor} (Enter keeps it, Esc clears it)`, level: 'prompt' };
  if (s.editing === 'search') return { text: `search: ${s.logView.search.query}${theme.glyphs.cursor} (Enter searches, Esc cancels)`, level: 'prompt' };
  if (s.notice && s.now - s.notice.at < 4000) return { text: s.notice.text, level: s.notice.level };
  return undefined;
}
