import { Box, Text } from 'ink';
import type { AppSpec } from '../../config/spec.js';
import { formatBytes } from '../../lib/format-bytes.js';
import type { InstanceState, LoadBalancerStatus } from '../../supervisor/types.js';
import type { Theme } from '../theme.js';
import { CHART_GAP, planDetailsLayout } from './details-layout.js';
import { cpuLabelSegments, exitSegments, exitsHeaderSegments, healthSegments, loadBalancerSegments, memoryLabelSegments, titleSegments } from './details-lines.js';
import { chartColor, plotHistory } from './history-chart.js';
import { SegmentLine } from './SegmentLine.js';
import { fitSegments, type Segment } from './segments.js';

export interface DetailsPaneProps {
  instance: InstanceState;
  spec: AppSpec;
  width: number;
  height: number;
  theme: Theme;
  now: number;
  /** The app's load-balancer file as last written, when it has one. */
  loadBalancer?: LoadBalancerStatus | undefined;
}

/** The selected instance in depth: title, health, CPU and memory charts, and its last exits. */
export function DetailsPane({ instance, spec, width, height, theme, now, loadBalancer }: DetailsPaneProps) {
  if (width < 1 || height < 1) return null;
  // The load-balancer line takes a row from the charts, and only when there is room for one more.
  const lbLine = loadBalancer !== undefined && height >= 3;
  const layout = planDetailsLayout(width, height - (lbLine ? 1 : 0), instance.exits.length);
  const fit = (segments: Segment[], columns = width): Segment[] => fitSegments(segments, columns, theme.glyphs.ellipsis);
  const exits = layout.exitLines > 0 ? instance.exits.slice(-layout.exitLines).reverse() : [];
  const cpu = (
    <Chart
      label={fit(cpuLabelSegments(instance, theme), layout.chartWidth)}
      values={instance.history.map((s) => s.cpu)}
      width={layout.chartWidth}
      height={layout.chartHeight}
      floor={1}
      base="zero"
      format={formatPercent}
      theme={theme}
    />
  );
  const memory = (
    <Chart
      label={fit(memoryLabelSegments(instance, spec, theme), layout.chartWidth)}
      values={instance.history.map((s) => s.memory)}
      width={layout.chartWidth}
      height={layout.chartHeight}
      floor={1024 * 1024}
      base="fit"
      format={formatBytes}
      theme={theme}
    />
  );
  return (
    <Box flexDirection="column" width={width}>
      <SegmentLine segments={fit(titleSegments(instance, theme, now))} theme={theme} />
      {layout.showHealth && <SegmentLine segments={fit(healthSegments(instance, spec, theme, now))} theme={theme} />}
      {lbLine && <SegmentLine segments={fit(loadBalancerSegments(spec, loadBalancer, theme, now))} theme={theme} />}
      {layout.chartHeight > 0 && (
        <Box flexDirection={layout.sideBySide ? 'row' : 'column'} columnGap={layout.sideBySide ? CHART_GAP : 0}>
          {cpu}
          {memory}
        </Box>
      )}
      {layout.exitLines >= 0 && <SegmentLine segments={fit(exitsHeaderSegments(instance.exits.length, theme))} theme={theme} />}
      {exits.map((exit, index) => (
        <SegmentLine key={`${exit.at}-${index}`} segments={fit(exitSegments(exit, theme, now))} theme={theme} />
      ))}
    </Box>
  );
}

interface ChartProps {
  label: Segment[];
  values: number[];
  width: number;
  height: number;
  floor: number;
  base: 'zero' | 'fit';
  format: (value: number, top: number) => string;
  theme: Theme;
}

/** A label line and an asciichart plot of `height + 1` rows, within `width` columns. */
function Chart({ label, values, width, height, floor, base, format, theme }: ChartProps) {
  const plot = plotHistory(values, {
    width,
    height,
    floor,
    base,
    label: format,
    symbols: theme.glyphs.chart,
    color: theme.depth === 'none' ? undefined : chartColor(theme.accent),
  });
  return (
    <Box flexDirection="column" width={width}>
      <SegmentLine segments={label} theme={theme} />
      {plot === '' ? <Text color={theme.dim}>{'no samples yet'.slice(0, width)}</Text> : <Text>{plot}</Text>}
    </Box>
  );
}

function formatPercent(value: number, top: number): string {
  return top < 10 ? `${value.toFixed(1)}%` : `${Math.round(value)}%`;
}
