/**
 * One long run on the worker pool as a rune class: status, phase, progress with ETA, cancel, an
 * error as state, and the finished runs kept per inputs in a bounded cache (going back to an
 * input shows its run without re-running, and a changed input never passes an old run off as
 * current). The Monte Carlo over time and the portfolio rebalancing comparison both use it.
 *
 * Stale guard: a run started after this one (or Cancel) supersedes it; the superseded run's
 * progress, phase, result and error are all ignored.
 */
import { isCancelledError } from '../model/cancel';
import type { PoolProgress } from '../workers/pool';
import { describeError } from './errors';
import { LruCache } from './query.svelte';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A stable key of a run's inputs: FNV-1a of their text, and its length. */
export function hashKey(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${(h >>> 0).toString(36)}-${text.length.toString(36)}`;
}

/** A finished run. */
export interface FinishedRun<R> {
  key: string;
  result: R;
  workers: number;
  /** Wall time from start to result, ms; `pathsMs` of it before the first phase ended (the pool's part). */
  elapsedMs: number;
  pathsMs: number;
}

/** What a run's task is given: the abort signal and the progress and phase callbacks (stale-guarded). */
export interface PoolRunControl<Phase> {
  signal: AbortSignal;
  onProgress: (p: PoolProgress) => void;
  onPhase: (phase: Phase) => void;
}

const IDLE: PoolProgress = { fraction: 0, elapsedMs: 0, etaMs: null };

export class PoolRun<R, Phase extends string, F extends FinishedRun<R> = FinishedRun<R>> {
  status = $state<RunStatus>('idle');
  phase: Phase;
  progress = $state.raw<PoolProgress>(IDLE);
  /** The latest finished run (possibly for earlier inputs: check its key). */
  finished = $state.raw<F | null>(null);
  /** Bumped when the cache changes, so a $derived that reads `lookup()` follows it. */
  cacheVersion = $state(0);
  error = $state<string | null>(null);

  readonly #firstPhase: Phase;
  #controller: AbortController | null = null;
  readonly #cache: LruCache<string, F>;

  constructor(firstPhase: Phase, cacheLimit: number) {
    this.#firstPhase = firstPhase;
    this.phase = $state(firstPhase);
    this.#cache = new LruCache(cacheLimit);
  }

  get isRunning(): boolean {
    return this.status === 'running';
  }

  /** The finished run for `key`, if it is still cached. */
  lookup(key: string): F | null {
    void this.cacheVersion;
    return this.#cache.peek(key) ?? null;
  }

  /**
   * Starts a run for `key` (cancelling one in progress); `task` does the work, `finish` adds what
   * the caller keeps with a result. Resolves when the run has ended, whatever the outcome.
   */
  async launch(key: string, workers: number, task: (control: PoolRunControl<Phase>) => Promise<R>, finish: (run: FinishedRun<R>) => F): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const isCurrent = () => this.#controller === controller;
    this.status = 'running';
    this.phase = this.#firstPhase;
    this.error = null;
    this.progress = IDLE;
    const t0 = performance.now();
    let pathsMs: number | null = null;
    try {
      const result = await task({
        signal: controller.signal,
        onProgress: (p) => {
          if (isCurrent()) this.progress = p;
        },
        onPhase: (phase) => {
          if (!isCurrent()) return;
          if (phase !== this.#firstPhase && pathsMs === null) pathsMs = performance.now() - t0;
          this.phase = phase;
        },
      });
      if (!isCurrent()) return; // superseded or cancelled
      const elapsedMs = performance.now() - t0;
      const run = finish({ key, result, workers, elapsedMs, pathsMs: pathsMs ?? elapsedMs });
      this.#cache.set(key, run);
      this.cacheVersion++;
      this.finished = run;
      this.status = 'done';
    } catch (e) {
      if (!isCurrent()) return;
      if (isCancelledError(e)) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = describeError(e);
      }
    } finally {
      if (isCurrent()) this.#controller = null;
    }
  }

  /** Stops the run at once: the pool terminates its workers; the last finished run stays. */
  cancel(): void {
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = null;
      this.status = 'cancelled';
    }
  }
}
