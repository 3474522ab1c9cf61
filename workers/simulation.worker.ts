/**
 * The Monte Carlo's worker boundary: one pure call per chunk of paths, the raw part posted back
 * with its typed arrays transferred (zero copy); and the summary of all parts (percentiles over
 * tens of megabytes take hundreds of ms, too long for the page's thread). The pool on the page
 * splits, merges and cancels.
 */
import { expose, transfer } from 'comlink';
import {
  partTransferables,
  simulatePaths,
  summarizeSimulation,
  type Scenario,
  type SimulationBook,
  type SimulationPart,
  type SimulationResult,
} from '../src/lib/model';

/** The real loan book this worker's runs start from (sent once per worker, not with every chunk); null: the generated book. */
let book: SimulationBook | null = null;

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
  summarize(scenario: Scenario, parts: SimulationPart[]): SimulationResult {
    return summarizeSimulation(scenario, parts, book);
  },
};

export type SimulationWorkerApi = typeof simulation;

expose(simulation);
