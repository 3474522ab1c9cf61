/**
 * The latest answer of a repeated async call (a worker request re-sent as inputs change), as a
 * rune class. Each `run` is numbered; an answer is applied only if no later-started run has been
 * applied already, so a slow, stale answer never overwrites a newer one. A failure (a dead
 * worker included) is an `error` with `retry()`, never an endless "computing".
 */
import { describeError } from './errors';
export class LatestResult<T> {
  /** The answer of the latest applied run. */
  value = $state.raw<T | null>(null);
  error = $state<string | null>(null);
  /** True while the latest-started run has not answered. */
  isPending = $state(false);
  /** Wall time of the applied run, ms (request to answer, worker queue and transfer included). */
  elapsedMs = $state<number | null>(null);
  /** How many answers have been applied (a test or a benchmark waits for it to move). */
  version = $state(0);

  #requested = 0;
  #applied = 0;
  #last: (() => Promise<T>) | null = null;

  /** Runs the latest task again (after a failure: a failed worker is replaced by a fresh one). */
  retry(): Promise<void> {
    return this.#last ? this.run(this.#last) : Promise.resolve();
  }

  /** Starts a run; resolves when it has answered (applied or dropped as stale). */
  async run(task: () => Promise<T>): Promise<void> {
    const seq = ++this.#requested;
    this.#last = task;
    this.isPending = true;
    const t0 = performance.now();
    try {
      const value = await task();
      if (seq <= this.#applied) return; // a newer run answered first
      this.#applied = seq;
      this.value = value;
      this.error = null;
      this.elapsedMs = performance.now() - t0;
      this.version++;
    } catch (e) {
      if (seq > this.#applied) this.error = describeError(e);
    } finally {
      if (seq === this.#requested) this.isPending = false;
    }
  }
}
