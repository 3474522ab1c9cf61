/**
 * One Monte Carlo run as a rune class: status, phase, progress with ETA, cancel, and the last
 * completed result per scenario, seed and path count (so going back to a scenario shows its run
 * without re-running, and a changed input never passes an old run off as current).
 */
import { describeError } from './errors';
import type { Scenario, SimulationBook, SimulationResult } from '../model';
import { CancelledError, type PoolProgress } from '../workers/pool';
import { runSimulationOnPool, type SimulationPhase } from '../workers/simulation-client';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A stable key of a scenario's inputs, a seed and a path count (FNV-1a of the JSON). */
export function runKey(scenario: Scenario, seed: number, paths: number): string {
  const text = JSON.stringify(scenario);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${(h >>> 0).toString(36)}-${text.length.toString(36)}-${seed}-${paths}`;
}

/** The real loan book a run starts from (我行实际贷款): its id in the library, what to call it, and its rows as columns. */
export interface RunBook {
  id: string;
  name: string;
  clients: number;
  loans: number;
  data: SimulationBook;
}

/** How a completed run was made: for the info line and the benchmark. */
export interface RunInfo {
  /** The real loan book it started from; null for the generated book. */
  book: Omit<RunBook, 'data'> | null;
  key: string;
  /** The scenario as it was run (to say what changed since). */
  scenario: Scenario;
  workers: number;
  elapsedMs: number;
}

/** Results kept per key; each holds only bands (a few hundred kB), not the paths. */
const CACHE_LIMIT = 24;

type Runner = typeof runSimulationOnPool;

export class SimulationRun {
  status = $state<RunStatus>('idle');
  phase = $state<SimulationPhase>('paths');
  progress = $state.raw<PoolProgress>({ fraction: 0, elapsedMs: 0, etaMs: null });
  /** The latest completed result (possibly for an earlier version of the scenario). */
  result = $state.raw<SimulationResult | null>(null);
  /** The key the latest result belongs to. */
  resultKey = $state<string | null>(null);
  info = $state.raw<RunInfo | null>(null);
  /** Bumped when the cache changes, so a $derived that reads `cached()` follows it. */
  cacheVersion = $state(0);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #cache = new Map<string, { result: SimulationResult; info: RunInfo }>();
  #run: Runner;

  constructor(run: Runner = runSimulationOnPool) {
    this.#run = run;
  }

  get isRunning(): boolean {
    return this.status === 'running';
  }

  /** The completed run for this scenario, seed, path count and book (its id; null: the generated book), if there is one. */
  cached(scenario: Scenario, seed: number, paths: number, bookId: string | null = null): { result: SimulationResult; info: RunInfo } | null {
    void this.cacheVersion;
    return this.#cache.get(runKey(scenario, seed, paths) + (bookId === null ? '' : `-book-${bookId}`)) ?? null;
  }

  async start(scenario: Scenario, { paths, seed, workers, book = null }: { paths: number; seed: number; workers: number; book?: RunBook | null }): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const key = runKey(scenario, seed, paths) + (book === null ? '' : `-book-${book.id}`);
    this.status = 'running';
    this.phase = 'paths';
    this.error = null;
    this.progress = { fraction: 0, elapsedMs: 0, etaMs: null };
    const started = performance.now();
    try {
      const result = await this.#run(scenario, {
        paths,
        seed,
        workers,
        book: book?.data ?? null,
        signal: controller.signal,
        onProgress: (p) => {
          if (this.#controller === controller) this.progress = p;
        },
        onPhase: (phase) => {
          if (this.#controller === controller) this.phase = phase;
        },
      });
      if (this.#controller !== controller) return; // superseded or cancelled
      const info: RunInfo = { key, scenario, workers, elapsedMs: performance.now() - started, book: book && { id: book.id, name: book.name, clients: book.clients, loans: book.loans } };
      this.#cache.delete(key);
      this.#cache.set(key, { result, info });
      if (this.#cache.size > CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
      this.cacheVersion++;
      this.result = result;
      this.resultKey = key;
      this.info = info;
      this.status = 'done';
    } catch (e) {
      if (this.#controller !== controller) return;
      if (e instanceof CancelledError || (e instanceof Error && e.name === 'CancelledError')) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = describeError(e);
      }
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
  }

  /** Stops the run at once: the pool's workers are terminated, the last completed result stays. */
  cancel(): void {
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = null;
      this.status = 'cancelled';
    }
  }
}
