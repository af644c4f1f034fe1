import type { OrgView } from '../../org/org-view.js';
import { runOnScreen } from '../run-on-screen.js';
import { OrgApp } from './OrgApp.js';

export interface OrgExplorerOptions {
  readonly view: OrgView;
  readonly color: boolean;
  readonly signal: AbortSignal;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

/** Opens the org explorer on the terminal; resolves when it closes, the terminal restored. */
export async function runOrgExplorer(options: OrgExplorerOptions): Promise<'quit' | 'interrupted'> {
  let outcome: 'quit' | 'interrupted' = 'quit';
  await runOnScreen(<OrgApp view={options.view} />, {
    color: options.color,
    signal: options.signal,
    onInterrupt: () => (outcome = 'interrupted'),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.stdout ? { stdout: options.stdout } : {}),
  });
  return outcome;
}
