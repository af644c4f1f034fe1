import { useApp } from 'ink';
import type { OrgView } from '../../org/org-view.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { OrgExplorer } from './OrgExplorer.js';

export interface Props {
  readonly view: OrgView;
  /**
   * Told when the user quits, just before the app exits.
   * @default () => {}
   */
  readonly onQuit?: () => void;
}

/** The org explorer at the terminal's size, following resizes. */
export function OrgApp({ view, onQuit = () => {} }: Props) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  return (
    <OrgExplorer
      view={view}
      columns={columns}
      rows={rows}
      onQuit={() => {
        onQuit();
        exit();
      }}
    />
  );
}
