import { Box, Text } from 'ink';
import { DetailsPane } from '../details/DetailsPane.js';
import { LogPane } from '../logs/LogPane.js';
import { SideBySide } from '../logs/SideBySide.js';
import type { GridRow } from '../state/grid-rows.js';
import type { UiState } from '../state/ui-state.js';
import type { Theme } from '../theme.js';

export interface BottomPaneProps {
  state: UiState;
  rows: readonly GridRow[];
  width: number;
  height: number;
  theme: Theme;
}

/** Below the grid: the selected instance's logs (merged, or two side by side) or its details. */
export function BottomPane({ state, rows, width, height, theme }: BottomPaneProps) {
  if (height < 2) return null;
  const row = rows.find((r) => r.key === state.selectedKey) ?? rows[0];
  if (!row) return <Box height={height} />;
  if (state.bottom === 'details') {
    const app = state.mirror.apps[row.app];
    const instance = row.kind === 'instance' ? row.instance : app?.instances[0];
    if (!instance || !app) return <Text color={theme.dim}>no instance selected</Text>;
    return <DetailsPane instance={instance} spec={app.spec} width={width} height={height} theme={theme} now={state.now} loadBalancer={app.loadBalancer} />;
  }
  const { left, right } = state.logWindow;
  if (right) return <SideBySide left={left} right={right} width={width} height={height} theme={theme} />;
  return <LogPane {...left} width={width} height={height} theme={theme} />;
}
