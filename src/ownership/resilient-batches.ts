import { BatchFailure, BatchNotStarted, OrderedGitProcess, type ChunkParser } from '../git/ordered-git-process.js';
import type { GitCommand } from '../git/run-git.js';
import { isMissingObjectFailure } from '../git/run-git.js';

interface Settler<T> {
  readonly resolve: (items: T[]) => void;
  readonly reject: (error: Error) => void;
}

/** Batches a worker may run past the last one the consumer asked for. */
const AHEAD = 4;

/**
 * Runs batches of input lines through long-lived git processes, `workers` of them in parallel, each
 * with two batches in flight so it never waits for us. Results come back per batch, in batch order.
 * Workers stay at most {@link AHEAD} batches past the last one asked for, and a batch's results are
 * let go once handed out: the parsed diffs of a whole history never sit in memory at once.
 *
 * When git dies on a missing object (partial clones, mirrors without large blobs), the line it
 * died on is answered by `degrade` (a cheaper request that reads no content), a fresh process takes
 * over, and the rest of the batch goes on: one unreadable commit never costs the whole replay.
 */
export class ResilientBatches<T> {
  private next = 0;
  /** The highest batch asked for so far. */
  private wanted = 0;
  /** Workers waiting for the consumer to ask for more. */
  private waiting: (() => void)[] = [];
  private readonly results: (Promise<T[]> | undefined)[] = [];
  private stopped = false;
  private readonly processes = new Set<OrderedGitProcess<T>>();
  /** Input lines answered by `degrade` because git died on them. */
  readonly degraded: string[] = [];

  constructor(
    private readonly command: GitCommand,
    private readonly parser: () => ChunkParser<T>,
    private readonly batches: readonly (readonly string[])[],
    private readonly degrade: (line: string) => Promise<T>,
    workers = 2,
    private readonly terminator?: string,
  ) {
    const settlers: (Settler<T> | undefined)[] = [];
    for (let k = 0; k < batches.length; k += 1) {
      this.results.push(new Promise<T[]>((resolve, reject) => settlers.push({ resolve, reject })));
      // Rejections are observed by the consumer; avoid unhandled-rejection noise meanwhile.
      this.results[k]?.catch(() => {});
    }
    for (let w = 0; w < Math.min(workers, batches.length); w += 1) void this.work(settlers);
  }

  /** Batch k's items, once done (await in order; each batch is handed out once). */
  batch(k: number): Promise<T[]> {
    const result = this.results[k] ?? Promise.resolve([]);
    this.results[k] = undefined;
    if (k > this.wanted) {
      this.wanted = k;
      this.wake();
    }
    return result;
  }

  /** Kills every process (cancellation or failure elsewhere). */
  stop(): void {
    this.stopped = true;
    for (const process of this.processes) process.kill();
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private spawn(): OrderedGitProcess<T> {
    const process = new OrderedGitProcess<T>(this.command, this.parser(), { terminator: this.terminator });
    this.processes.add(process);
    return process;
  }

  private async work(settlers: (Settler<T> | undefined)[]): Promise<void> {
    let process = this.spawn();
    const inFlight: { k: number; answer: Promise<T[]> }[] = [];
    const send = (k: number): Promise<T[]> => {
      const answer = process.send(this.batches[k] ?? []);
      answer.catch(() => {}); // observed below, in order
      return answer;
    };
    const fill = () => {
      while (inFlight.length < 2 && this.next < this.batches.length && this.next <= this.wanted + AHEAD) {
        const k = this.next++;
        inFlight.push({ k, answer: send(k) });
      }
      if (this.next >= this.batches.length) process.close();
    };
    for (fill(); ; fill()) {
      if (inFlight.length === 0) {
        if (this.next >= this.batches.length || this.stopped) break;
        // Far enough ahead of the consumer: wait until it asks for more.
        await new Promise<void>((resolve) => this.waiting.push(resolve));
        continue;
      }
      const { k, answer } = inFlight.shift() as { k: number; answer: Promise<T[]> };
      const settle = settlers[k] as Settler<T>;
      settlers[k] = undefined; // settled below: nothing may keep its results alive here
      try {
        settle.resolve(await answer);
      } catch (error) {
        const recoverable = error instanceof BatchNotStarted || (error instanceof BatchFailure && isMissingObjectFailure(error));
        if (!recoverable) {
          settle.reject(error as Error);
          for (const other of inFlight) settlers[other.k]?.reject(error as Error);
          this.stop();
          return;
        }
        // git died inside batch k: degrade the line it died on, rerun the rest on a new process,
        // and resend what was queued behind it.
        this.processes.delete(process);
        try {
          const recovered = await this.recover(this.batches[k] ?? [], error instanceof BatchFailure ? (error.completed as T[]) : [], error instanceof BatchFailure);
          process = recovered.process;
          settle.resolve(recovered.items);
        } catch (inner) {
          settle.reject(inner as Error);
          for (const other of inFlight) settlers[other.k]?.reject(inner as Error);
          this.stop();
          return;
        }
        for (const queued of inFlight) queued.answer = send(queued.k);
      }
    }
    process.close();
  }

  /**
   * Finishes a batch on fresh processes. `completed` items were answered before git died; when
   * `died` the next line is the one it died on and is degraded.
   */
  private async recover(lines: readonly string[], completed: T[], died: boolean): Promise<{ process: OrderedGitProcess<T>; items: T[] }> {
    const items = [...completed];
    let rest = lines.slice(items.length);
    let failing = died;
    for (;;) {
      if (failing && rest.length > 0) {
        const line = rest[0] as string;
        this.degraded.push(line);
        items.push(await this.degrade(line));
        rest = rest.slice(1);
      }
      const process = this.spawn();
      try {
        items.push(...(await process.send(rest)));
        return { process, items };
      } catch (error) {
        this.processes.delete(process);
        if (!(error instanceof BatchFailure) || !isMissingObjectFailure(error)) throw error;
        items.push(...(error.completed as T[]));
        rest = rest.slice(error.completed.length);
        failing = true;
      }
    }
  }
}
