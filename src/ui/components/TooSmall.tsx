import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../model/layout.js';

export interface Props {
  readonly columns: number;
  readonly rows: number;
}

/** Shown instead of a garbled screen below the smallest usable size. */
export function TooSmall({ columns, rows }: Props) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        Terminal too small: {columns}×{rows}
      </Text>
      <Text wrap="truncate-end">
        busfactor needs {MIN_COLUMNS}×{MIN_ROWS}.
      </Text>
      <Text wrap="truncate-end">Enlarge it, or q quits.</Text>
    </Box>
  );
}
