/**
 * The Monte Carlo's worker boundary: one pure call per chunk of paths, the raw part posted back
 * with its typed arrays transferred (zero copy); and the summary of all parts (percentiles over
 * tens of megabytes take hundreds of ms, too long for the page's thread), its steps shared out
 * among the workers. The pool on the page splits, merges and cancels.
 */
import { expose, transfer } from 'comlink';
import { transferOnce } from './transfer-once';
import {
  demoScenario,
  partTransferables,
  simulatePaths,
  stepBandsTransferables,
  summarizeSimulation,
  summarizeStepBands,
  warmUpSimulation,
  type Scenario,
  type SimulationBook,
  type SimulationPart,
  type SimulationResult,
  type SimulationStepSlice,
  type StepBands,
} from '../src/lib/model';
import { atMostEvery, PROGRESS_EVERY_MS } from '../src/lib/model/cancel';

// The first transfer out of this thread, before anything is compiled (see transfer-once.ts).
transferOnce();

/** The real loan book this worker's runs start from (sent once per worker, not with every chunk); null: the generated book. */
let book: SimulationBook | null = null;

const simulation = {
  /** Sets the loan book the following calls start from (its buffers transferred), or null for the generated one. */
  useBook(next: SimulationBook | null): void {
    book = next;
  },
  /** Simulates paths pathStart..pathStart+pathCount−1; each path draws from createRng(seed, pathIndex). */
  runPaths(scenario: Scenario, range: { seed: number; pathStart: number; pathCount: number }, onProgress?: (fraction: number) => void): SimulationPart {
    const part = simulatePaths(scenario, { ...range, onProgress: onProgress && atMostEvery(PROGRESS_EVERY_MS, onProgress), book });
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
  /** A small run of the demo bank, thrown away, so the first real Run does not run on cold code (see warmUpSimulation). */
  warmUp(): void {
    warmUpSimulation(structuredClone(demoScenario)); // a clone, as scenarios arrive here
  },
};

export type SimulationWorkerApi = typeof simulation;

expose(simulation);
