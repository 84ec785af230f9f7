import { Text } from 'ink';
import type { RowPiece } from './log-row.js';

/** One row of styled pieces, already fitted to its width (truncation is only a safety net). */
export function RowText({ pieces }: { pieces: readonly RowPiece[] }) {
  return (
    <Text wrap="truncate-end">
      {pieces.map((piece, index) => (
        <Text key={index} color={piece.color} inverse={piece.inverse} bold={piece.bold} underline={piece.underline} dimColor={piece.dim}>
          {piece.text}
        </Text>
      ))}
    </Text>
  );
}
