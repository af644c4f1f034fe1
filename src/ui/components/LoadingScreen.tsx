import { Box } from 'ink';
import type { Progress } from '../../analyze.js';
import { bar, count, type Segment } from '../model/cells.js';
import { Line } from './Line.js';

export interface Props {
  /** What is being analysed (the path given), already sanitized. */
  readonly title: string;
  /** Undefined until the scan reports its first phase. */
  readonly progress: Progress | undefined;
  readonly width: number;
}

const PHASE: Readonly<Record<Progress['phase'], string>> = {
  opening: 'opening the repository',
  history: 'scanning history',
  authorship: 'computing authorship',
  ownership: 'line ownership: replaying history',
  done: 'building the explorer',
};

/** Commits done and to do in the phases that walk the history; undefined in the others. */
function counts(progress: Progress | undefined): { done: number; total: number | undefined } | undefined {
  if (progress?.phase === 'history' && progress.commits > 0) return { done: progress.commits, total: progress.totalCommits };
  if (progress?.phase === 'ownership' && progress.replayTotal) return { done: progress.replayed ?? 0, total: progress.replayTotal };
  return undefined;
}

/** The scan's real progress: phase, commits done of how many, and a bar once the total is known. */
export function LoadingScreen({ title, progress, width }: Props) {
  const phase = PHASE[progress?.phase ?? 'opening'];
  const walked = counts(progress);
  const share = walked?.total ? Math.min(1, walked.done / walked.total) : 0;
  const status = !walked
    ? `${phase}…`
    : walked.total
      ? `${phase} · ${count(walked.done)} / ${count(walked.total)} commits (${Math.floor(share * 100)}%)`
      : `${phase} · ${count(walked.done)} commits`;
  const meter: Segment[] = walked?.total ? [{ text: bar(share, Math.max(10, Math.min(50, width - 4))), color: 'cyan' }] : [];
  return (
    <Box flexDirection="column">
      <Line segments={[{ text: 'busfactor', bold: true, color: 'cyan' }, { text: ` · ${title}` }]} width={width} />
      <Line segments={[{ text: status }]} width={width} />
      <Line segments={meter} width={width} />
      <Line segments={[{ text: 'q quits', dim: true }]} width={width} />
    </Box>
  );
}
