import { Text } from 'ink';
import { fitSegments, type Segment } from '../model/cells.js';
import { useTheme } from '../hooks/use-theme.js';

export interface Props {
  /** The line's text runs; already sanitized. */
  readonly segments: readonly Segment[];
  /** Exact width: longer text is cut with `…`, shorter padded, so nothing ever wraps. */
  readonly width: number;
  /**
   * Shown reversed (the selected row), when colour is on.
   * @default false
   */
  readonly selected?: boolean;
}

/** One screen line. Every row of the explorer goes through here, so none can wrap or spill. */
export function Line({ segments, width, selected = false }: Props) {
  const theme = useTheme();
  const parts = fitSegments(segments, width);
  return (
    <Text wrap="truncate-end" inverse={selected && theme.color}>
      {parts.map((part, i) =>
        theme.color ? (
          <Text key={i} color={part.color} bold={part.bold} dimColor={part.dim}>
            {part.text}
          </Text>
        ) : (
          <Text key={i}>{part.text}</Text>
        ),
      )}
    </Text>
  );
}
