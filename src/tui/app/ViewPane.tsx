import { buildCompare } from '../compare/build-compare.js';
import { CompareView } from '../compare/CompareView.js';
import type { GridRow } from '../state/grid-rows.js';
import type { UiState } from '../state/ui-state.js';
import type { Theme } from '../theme.js';
import { buildTopology } from '../topology/build-topology.js';
import { TopologyView } from '../topology/TopologyView.js';
import { Text } from 'ink';

export interface ViewPaneProps {
  state: UiState;
  rows: readonly GridRow[];
  width: number;
  height: number;
  theme: Theme;
}

/** The topology or compare view in place of the grid. */
export function ViewPane({ state, rows, width, height, theme }: ViewPaneProps) {
  if (state.view === 'topology') {
    const model = buildTopology(state.mirror.apps, { connections: state.connections, localHosts: state.localHosts });
    const selected = Math.min(state.topologySelected, Math.max(0, model.rows.length - 1));
    return <TopologyView model={model} theme={theme} width={width} height={height} selected={selected} />;
  }
  const row = rows.find((r) => r.key === state.selectedKey) ?? rows[0];
  const app = row ? state.mirror.apps[row.app] : undefined;
  if (!row || !app) return <Text color={theme.dim}>no app to compare</Text>;
  const model = buildCompare(row.app, app, { now: state.now });
  return <CompareView model={model} theme={theme} width={width} height={height} differencesOnly={state.compareDiffOnly} />;
}
