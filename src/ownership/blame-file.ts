import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';

export interface BlameOptions {
  readonly firstParent?: boolean;
  /** Absolute path of an ignore-revs file, passed as `--ignore-revs-file`. */
  readonly ignoreRevsFile?: string;
  readonly signal?: AbortSignal;
}

/** `<sha> <source line> <result line> <count>`: the group headers of `git blame --incremental`. */
const GROUP = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+) (\d+)$/;

/**
 * The real `git blame` of one file: the commit of every line. Used where the replay could not
 * follow a file (binary history, missing objects) and by the verification script.
 */
export async function blameFile(repo: Repository, head: string, file: string, options: BlameOptions = {}): Promise<string[]> {
  const args = [
    'blame', '--incremental',
    ...(options.firstParent ? ['--first-parent'] : []),
    ...(options.ignoreRevsFile ? ['--ignore-revs-file', options.ignoreRevsFile] : []),
    head, '--', file,
  ];
  const { stdout } = await runGit({ cwd: repo.cwd, args, signal: options.signal });
  const lines: string[] = [];
  for (const line of stdout.toString('latin1').split('\n')) {
    const match = GROUP.exec(line);
    if (!match) continue;
    const start = Number(match[2]) - 1;
    const count = Number(match[3]);
    for (let i = 0; i < count; i += 1) lines[start + i] = match[1] as string;
  }
  return lines;
}
