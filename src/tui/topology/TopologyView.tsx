import type { Theme } from '../theme.js';
import type { TopologyModel } from './build-topology.js';
import { StyledLines } from './StyledLines.js';
import { topologyLines } from './topology-lines.js';

export { topologyJumpTarget } from './jump-target.js';

export interface TopologyViewProps {
  model: TopologyModel;
  theme: Theme;
  width: number;
  height: number;
  /** Index into model.rows. */
  selected: number;
}

/** The topology tree (coloured by status and health) and the connections between apps. */
export function TopologyView({ model, theme, width, height, selected }: TopologyViewProps) {
  const lines = topologyLines(model, { glyphs: theme.glyphs, width, height, selected });
  return <StyledLines lines={lines} theme={theme} width={width} height={height} />;
}
