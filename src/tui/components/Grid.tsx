import { Box, Text } from 'ink';
import { gridLines, type GridInput } from './grid-lines.js';
import { PaintedLine } from './PaintedLine.js';

export type GridProps = GridInput;

/** The cluster grid: apps with their instances, only the window around the selection rendered. */
export function Grid(props: GridProps) {
  const { header, lines } = gridLines(props);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <PaintedLine text={header} />
      {lines.map((line) => (
        <PaintedLine key={line.key} text={line.text} />
      ))}
      {props.rows.length === 0 ? <Text color={props.theme.dim}>  no apps: start one with pmdaemon start</Text> : null}
    </Box>
  );
}
