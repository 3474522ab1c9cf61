/**
 * One Monte Carlo run over time as a `PoolRun`: status, phase, progress with ETA, cancel, and the
 * last completed result per scenario, seed and path count (so going back to a scenario shows its
 * run without re-running, and a changed input never passes an old run off as current).
 */
import type { Scenario, SimulationBook, SimulationResult } from '../model';
import { runSimulationOnPool, type SimulationPhase } from '../workers/simulation-client';
import { hashKey, PoolRun, type FinishedRun } from './pool-run.svelte';

export type { RunStatus } from './pool-run.svelte';

/** A stable key of a scenario's inputs, a seed and a path count. */
export function runKey(scenario: Scenario, seed: number, paths: number): string {
  return `${hashKey(JSON.stringify(scenario))}-${seed}-${paths}`;
}

/** The key of a run from a real loan book: the scenario's key and the book's id. */
function bookRunKey(scenario: Scenario, seed: number, paths: number, bookId: string | null): string {
  return runKey(scenario, seed, paths) + (bookId === null ? '' : `-book-${bookId}`);
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
  /** Wall time from Run to the result, ms; `pathsMs` of it simulating the paths (the rest: their summary). */
  elapsedMs: number;
  pathsMs: number;
}

interface FinishedSimulation extends FinishedRun<SimulationResult> {
  info: RunInfo;
}

/** Results kept per key; each holds only bands (a few hundred kB), not the paths. */
const CACHE_LIMIT = 24;

type Runner = typeof runSimulationOnPool;

export class SimulationRun extends PoolRun<SimulationResult, SimulationPhase, FinishedSimulation> {
  #run: Runner;

  constructor(run: Runner = runSimulationOnPool) {
    super('paths', CACHE_LIMIT);
    this.#run = run;
  }

  /** The latest completed result (possibly for an earlier version of the scenario). */
  get result(): SimulationResult | null {
    return this.finished?.result ?? null;
  }

  /** The key the latest result belongs to. */
  get resultKey(): string | null {
    return this.finished?.key ?? null;
  }

  get info(): RunInfo | null {
    return this.finished?.info ?? null;
  }

  /** The completed run for this scenario, seed, path count and book (its id; null: the generated book), if there is one. */
  cached(scenario: Scenario, seed: number, paths: number, bookId: string | null = null): { result: SimulationResult; info: RunInfo } | null {
    const f = this.lookup(bookRunKey(scenario, seed, paths, bookId));
    return f ? { result: f.result, info: f.info } : null;
  }

  start(scenario: Scenario, { paths, seed, workers, book = null }: { paths: number; seed: number; workers: number; book?: RunBook | null }): Promise<void> {
    const bookInfo = book && { id: book.id, name: book.name, clients: book.clients, loans: book.loans };
    return this.launch(
      bookRunKey(scenario, seed, paths, book?.id ?? null),
      workers,
      (control) => this.#run(scenario, { paths, seed, workers, book: book?.data ?? null, ...control }),
      (f) => ({ ...f, info: { key: f.key, scenario, workers: f.workers, elapsedMs: f.elapsedMs, pathsMs: f.pathsMs, book: bookInfo } }),
    );
  }
}
