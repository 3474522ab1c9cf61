/**
 * Runs a Monte Carlo (docs/reference-model.md §7) on the worker pool: the paths are cut into chunks by path index
 * (never by worker count), each chunk runs in whichever worker is free, the raw parts come back in
 * chunk order (typed arrays transferred) and are summarised in the pool's warm workers, the steps shared
 * out among them, since the percentiles of 10,000 paths × 20 steps × 25 columns take far longer than a frame. Path i always
 * draws from createRng(seed, i), so 1 worker or 3 give the same numbers. Workers stay warm between
 * runs (see pool.ts); Cancel terminates every worker of the run at once.
 */
import { proxy, transfer, wrap } from 'comlink';
import {
  copySimulationBook,
  mergeStepBands,
  partTransferables,
  simulatePaths,
  simulationBookBuffers,
  splitPaths,
  stepSlice,
  summarizeSimulation,
  summarizeStepBands,
  type Scenario,
  type SimulationBook,
  type SimulationPart,
  type SimulationResult,
  type SimulationStepSlice,
  type StepBands,
} from '../model';
import type { SimulationWorkerApi } from '../../../workers/simulation.worker';
import { defaultPoolSize, prewarm, runOnPoolWorker, runPathChunks, type PathRunOptions, type PathRunPhase } from './pool';
// For the page's idle start-up, which loads this module anyway (one dynamic import fewer in the first load).
export { whenPoolQuiet } from './pool';

/** The summary of 10,000 paths takes a few seconds; a worker silent this long is dead. */
const SUMMARY_TIMEOUT_MS = 120_000;

/** Paths per chunk: small enough for a smooth progress bar and a quick cancel, large enough to amortise a message. */
export const PATHS_PER_CHUNK = 250;

/** What the pool needs of a worker: the calls of simulation.worker.ts, and terminate. */
export interface SimulationWorker {
  /** The loan book the following calls start from (the worker keeps it); null for the generated book. */
  useBook(book: SimulationBook | null): Promise<void>;
  runPaths(scenario: Scenario, range: { seed: number; pathStart: number; pathCount: number }, onProgress?: (fraction: number) => void): Promise<SimulationPart>;
  /** Everything but the bands of the steps outside `bandSteps` (summarised by summarizeSteps in other workers), when given. */
  summarize(scenario: Scenario, parts: SimulationPart[], bandSteps?: [number, number]): Promise<SimulationResult>;
  summarizeSteps(slices: SimulationStepSlice[]): Promise<StepBands>;
  /** A small run as the pool makes them, thrown away: compiles the worker's code before the first real run. */
  warmUp(): Promise<void>;
  terminate(): void;
}

/** A pool worker: the module worker through Comlink. A worker that fails to load rejects its calls (else they would wait forever). */
export function createSimulationWorker(): SimulationWorker {
  const worker = new Worker(new URL('../../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  const api = wrap<SimulationWorkerApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`simulation worker failed: ${e.message || 'could not load'}`)), { once: true });
  });
  failed.catch(() => {}); // observed by the calls that race it
  return {
    // each worker gets its own copy, whose buffers are transferred rather than cloned
    useBook: (book) => Promise.race([api.useBook(book ? transfer(book, simulationBookBuffers(book)) : null), failed]),
    runPaths: (scenario, range, onProgress) => Promise.race([api.runPaths(scenario, range, onProgress ? proxy(onProgress) : undefined), failed]),
    summarize: (scenario, parts, bandSteps) => {
      // the parts are the page's no longer: transferred, not copied (40 MB for 10,000 paths)
      const buffers = parts.flatMap(partTransferables);
      return Promise.race([api.summarize(scenario, transfer(parts, buffers), bandSteps), failed]);
    },
    summarizeSteps: (slices) =>
      Promise.race([
        api.summarizeSteps(
          transfer(
            slices,
            slices.map((s) => s.values.buffer as ArrayBuffer),
          ),
        ),
        failed,
      ]),
    warmUp: () => Promise.race([api.warmUp(), failed]),
    terminate: () => worker.terminate(),
  };
}

/** The same calls on the calling thread (Node tests, or a browser without module workers). */
export function createInProcessSimulationWorker(): SimulationWorker {
  let book: SimulationBook | null = null;
  return {
    useBook: async (next) => {
      book = next;
    },
    runPaths: async (scenario, range, onProgress) => simulatePaths(scenario, { ...range, onProgress, book }),
    summarize: async (scenario, parts, bandSteps) => summarizeSimulation(scenario, parts, book, { bandSteps }),
    summarizeSteps: async (slices) => summarizeStepBands(slices),
    warmUp: async () => {}, // the code of this thread warms up with its first run
    terminate: () => {},
  };
}

export type SimulationPhase = PathRunPhase;

export interface RunOptions extends PathRunOptions<SimulationWorker> {
  /** Start from this loan book (the attached 我行实际贷款) instead of the generated one; sent once to each worker. */
  book?: SimulationBook | null;
}

/**
 * Simulates `paths` seeded paths of the scenario on the worker pool and summarises them off the page.
 * @example const result = await runSimulationOnPool(demoScenario, { paths: 10_000, seed: 42, workers: 3 });
 */
export async function runSimulationOnPool(scenario: Scenario, options: RunOptions): Promise<SimulationResult> {
  const {
    paths,
    seed,
    workers = defaultPoolSize(),
    signal,
    onProgress,
    onPhase,
    createWorker = createSimulationWorker,
    pathsPerChunk = PATHS_PER_CHUNK,
    book = null,
  } = options;
  // Pool workers are warm from earlier runs and may hold another run's book: each worker is told
  // this run's book (or none) before its first call of the run, and only once (a chunk queued
  // behind the first waits for the same answer).
  const withBook = new WeakMap<SimulationWorker, Promise<void>>();
  const useBook = (w: SimulationWorker): Promise<void> => {
    let told = withBook.get(w);
    if (!told) {
      told = w.useBook(book ? copySimulationBook(book) : null);
      withBook.set(w, told);
    }
    return told;
  };
  // Each part comes back with copies of the rows the other summary workers will read, made as it
  // arrives: the page waits on the next chunks anyway, and the summary then starts at once.
  const runPaths = async (w: SimulationWorker, c: { start: number; count: number }, onChunk: (f: number) => void) => {
    await useBook(w);
    const part = await w.runPaths(scenario, { seed, pathStart: c.start, pathCount: c.count }, onChunk);
    const others = summaryRanges(part.steps, workers)
      .slice(1)
      .map(([from, to]) => stepSlice(part, from, to, true));
    return { part, others };
  };
  const chunks = await runPathChunks(paths, pathsPerChunk, createWorker, runPaths, { workers, signal, onProgress, onPhase });
  onPhase?.('summary');
  // The summary's steps are shared out among the pool's workers: the first takes the whole parts (and
  // the cumulative figures and breaches, which read every step) with the bands of the first steps; each
  // other worker, its copy of its steps' rows. Each step's bands are the same wherever they are computed.
  const parts = chunks.map((c) => c.part);
  const ranges = summaryRanges(parts[0]?.steps ?? 0, workers);
  const onWorker = { name: 'simulation', timeoutMs: SUMMARY_TIMEOUT_MS, signal };
  const others = ranges.slice(1).map((_, k) => runOnPoolWorker(createWorker, (w) => w.summarizeSteps(chunks.map((c) => c.others[k])), onWorker));
  const first = runOnPoolWorker(createWorker, (w) => useBook(w).then(() => w.summarize(scenario, parts, ranges.length > 1 ? ranges[0] : undefined)), onWorker);
  const [result, ...bands] = await Promise.all([first, ...others]);
  for (const b of bands) mergeStepBands(result, b);
  return result;
}

/** Steps of bands the first summary worker gives up for the cumulative figures and breaches it also computes (their cost, measured). */
const FIRST_WORKER_EXTRA_STEPS = 2;

/**
 * The summary's step ranges [from, to), one per worker: equal shares, but the first worker, which
 * also reads every step of every path for the cumulative figures and breaches, takes
 * FIRST_WORKER_EXTRA_STEPS fewer, so the workers finish together.
 * @example summaryRanges(20, 2) // [[0, 9], [9, 20]]
 */
export function summaryRanges(steps: number, workers: number): [number, number][] {
  const n = Math.max(1, Math.min(workers, steps));
  if (n === 1) return [[0, steps]];
  const extra = FIRST_WORKER_EXTRA_STEPS;
  return splitPaths(steps + extra, n).map(({ pathStart, pathCount }, k) => {
    const end = pathStart + pathCount - extra;
    return [k === 0 ? 0 : Math.max(0, pathStart - extra), Math.max(0, end)] as [number, number];
  });
}

/**
 * Starts `n` simulation workers after the page's first paint, each with a small warm-up run, so the
 * first Run neither waits for their modules nor runs on cold code (a cold first run takes over twice as long).
 * Resolves when they are warm.
 */
export function prewarmSimulationPool(n: number): Promise<void> {
  return prewarm(createSimulationWorker, n, (w) => w.warmUp());
}
