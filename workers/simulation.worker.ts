/**
 * The Monte Carlo's worker boundary: one pure call per chunk of paths, the raw part posted back
 * with its typed arrays transferred (zero copy); and the summary of all parts (percentiles over
 * tens of megabytes take hundreds of ms, too long for the page's thread), its steps shared out
 * among the workers. The pool on the page splits, merges and cancels.
 */
import { expose, transfer } from 'comlink';
import {
  demoScenario,
  partTransferables,
  simulatePaths,
  stepBandsTransferables,
  summarizeSimulation,
  summarizeStepBands,
  stepSlice,
  type Scenario,
  type SimulationBook,
  type SimulationPart,
  type SimulationResult,
  type SimulationStepSlice,
  type StepBands,
} from '../src/lib/model';

/** The real loan book this worker's runs start from (sent once per worker, not with every chunk); null: the generated book. */
let book: SimulationBook | null = null;

/** Paths per chunk of the warm-up: enough calls of each step for the engine's code to be optimised. */
const WARM_UP_PATHS = 100;

const simulation = {
  /** Sets the loan book the following calls start from (its buffers transferred), or null for the generated one. */
  useBook(next: SimulationBook | null): void {
    book = next;
  },
  /** Simulates paths pathStart..pathStart+pathCount−1; each path draws from createRng(seed, pathIndex). */
  runPaths(scenario: Scenario, range: { seed: number; pathStart: number; pathCount: number }, onProgress?: (fraction: number) => void): SimulationPart {
    const part = simulatePaths(scenario, { ...range, onProgress, book });
    return transfer(part, partTransferables(part));
  },
  /** Percentile bands, cumulative profit and breach probabilities of the parts (merged in path order). */
  summarize(scenario: Scenario, parts: SimulationPart[], bandSteps?: [number, number]): SimulationResult {
    return summarizeSimulation(scenario, parts, book, { bandSteps });
  },
  /** The percentile bands of one range of steps (the other workers summarise the other steps at the same time); stats transferred. */
  summarizeSteps(slices: SimulationStepSlice[]): StepBands {
    const bands = summarizeStepBands(slices);
    return transfer(bands, stepBandsTransferables(bands));
  },
  /**
   * A small run as the pool makes them, thrown away: two chunks with a progress callback, then the
   * first summary worker's part and another's, so this worker's code is compiled before the first
   * real Run. The demo bank arrives as scenarios do, through a structured clone (the optimised
   * code expects their hidden classes); the generated book, as this worker's may not fit it.
   */
  warmUp(): void {
    const scenario = structuredClone(demoScenario);
    const parts = [0, 1].map((k) =>
      simulatePaths(scenario, { seed: 0, pathStart: k * WARM_UP_PATHS, pathCount: WARM_UP_PATHS, onProgress: () => {}, book: null }),
    );
    const steps = parts[0].steps;
    const half = Math.floor(steps / 2);
    summarizeSimulation(scenario, parts, null, { bandSteps: [0, half] });
    summarizeStepBands(parts.map((p) => stepSlice(p, half, steps, true)));
  },
};

export type SimulationWorkerApi = typeof simulation;

expose(simulation);
