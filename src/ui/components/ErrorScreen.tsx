import { Box, Text } from 'ink';
import { useTheme } from '../hooks/use-theme.js';

export interface Props {
  /** The text CLI's line for the error (`busfactor: error: …`), word for word. */
  readonly message: string;
  readonly width: number;
}

/** The scan failed: the same line the text CLI prints; it is printed again on stderr on exit. */
export function ErrorScreen({ message, width }: Props) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width}>
      <Text color={theme.color ? 'red' : undefined}>{message}</Text>
      <Text dimColor={theme.color}>press any key to exit</Text>
    </Box>
  );
}
