import { Box } from 'ink';
import { walkedCommits, type Progress } from '../../analysis-progress.js';
import { commitProgress, transferAction, transferStage } from '../../format.js';
import { bar, type Segment } from '../model/cells.js';
import { Line } from './Line.js';

export interface Props {
  /** What is being analysed (the path given), already sanitized. */
  readonly title: string;
  /** Undefined until the scan reports its first phase. */
  readonly progress: Progress | undefined;
  readonly width: number;
}

const PHASE: Readonly<Record<Progress['phase'], string>> = {
  fetching: 'fetching the repository',
  opening: 'opening the repository',
  history: 'scanning history',
  authorship: 'computing authorship',
  ownership: 'line ownership: replaying history',
  done: 'building the explorer',
};

/** The scan's real progress: phase, commits done of how many, and a bar once the total is known. */
export function LoadingScreen({ title, progress, width }: Props) {
  const phase = PHASE[progress?.phase ?? 'opening'];
  const walked = progress && walkedCommits(progress);
  const transfer = progress?.phase === 'fetching' ? progress.transfer : undefined;
  // A clone or fetch: git's own stage and percentage (the URL is the title already).
  const share = walked?.total ? Math.min(1, walked.done / walked.total) : transfer?.progress ? Math.min(1, transfer.progress.percent / 100) : 0;
  const status = walked
    ? `${phase} · ${commitProgress(walked.done, walked.total)}`
    : transfer
      ? `${transferAction(transfer.action)}${transfer.progress ? ` · ${transferStage(transfer.progress)}` : '…'}`
      : `${phase}…`;
  const meter: Segment[] = walked?.total || transfer?.progress ? [{ text: bar(share, Math.max(10, Math.min(50, width - 4))), color: 'cyan' }] : [];
  return (
    <Box flexDirection="column">
      <Line segments={[{ text: 'busfactor', bold: true, color: 'cyan' }, { text: ` · ${title}` }]} width={width} />
      <Line segments={[{ text: status }]} width={width} />
      <Line segments={meter} width={width} />
      <Line segments={[{ text: 'q quits', dim: true }]} width={width} />
    </Box>
  );
}
