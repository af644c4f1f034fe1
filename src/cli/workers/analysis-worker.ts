/**
 * A worker process of `busfactor org` (docs/org.md, "Concurrency"): runs one analysis, sends its
 * progress and then its JSON report (or its one-line failure) to the parent over IPC, and ends. One
 * process per repository keeps failures and memory apart: a repository that crashes the analysis, or
 * makes it run out of memory, ends only its own worker. Started by cli/workers/run-analyses.ts with
 * `child_process.fork`; never run by hand.
 */
import { analyzeReport, type Progress } from '../../analyze.js';
import { renderJson } from '../../render/render-json.js';
import { describeFailure } from './describe-failure.js';
import type { WorkerJob, WorkerMessage } from './worker-messages.js';

/** Progress is sent at most this often (a phase change always at once): the parent redraws ten times a second. */
const PROGRESS_INTERVAL_MS = 200;

const controller = new AbortController();
// Ctrl-C reaches every process of the terminal's group, the parent's SIGTERM this one alone; a parent
// that is gone closes the channel. Each stops the analysis: aborting ends its git processes.
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(name, () => controller.abort());
process.on('disconnect', () => controller.abort());

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

function throttled(): (progress: Progress) => void {
  let last = 0;
  let phase: Progress['phase'] | undefined;
  return (progress) => {
    const now = Date.now();
    if (progress.phase === phase && now - last < PROGRESS_INTERVAL_MS) return;
    phase = progress.phase;
    last = now;
    void send({ kind: 'progress', progress });
  };
}

process.once('message', (job: WorkerJob) => {
  void (async () => {
    let message: WorkerMessage;
    try {
      // The report alone: a re-run asked the same way reads the cache's finished report (docs/cache.md).
      const session = await analyzeReport({ ...job.options, signal: controller.signal, onProgress: throttled() });
      message = { kind: 'report', json: renderJson(session.report) };
    } catch (error) {
      message = { kind: 'failure', error: describeFailure(error) };
    }
    await send(message);
    // Nothing else holds the process: it ends once the channel is closed.
    if (process.connected) process.disconnect();
  })();
});
