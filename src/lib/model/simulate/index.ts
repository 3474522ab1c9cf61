/**
 * The multi-year Monte Carlo of docs/reference-model.md §7: public API.
 *
 * - `simulate(scenario, { paths, seed, onProgress, isCancelled })`: everything in one thread.
 * - For a worker pool: split the paths with `splitPaths(paths, workers)`, run
 *   `simulatePaths(scenario, { seed, pathStart, pathCount })` in each worker (post the part back
 *   with `Comlink.transfer(part, partTransferables(part))`), then `summarizeSimulation(scenario,
 *   parts)`. Each path draws only from createRng(seed, pathIndex), so the result is identical for
 *   any split.
 * - Cancellation: `isCancelled` is polled every 32 paths and makes the run throw a CancelledError
 *   (`isCancelledError(e)` also recognises one that crossed a worker boundary). Inside a worker,
 *   whose event loop is busy while it runs, poll a SharedArrayBuffer flag (Atomics.load) when the
 *   page is cross-origin isolated, or run the paths in chunks of a few hundred and stop between
 *   chunks, or terminate the worker.
 */
import type { Scenario } from '../scenario';
import { CancelledError } from './cancel';
import { simulatePaths } from './engine';
import { summarizeSimulation } from './summary';
import type { SimulateOptions, SimulationPart, SimulationResult } from './types';

export * from './types';
export { simulatePaths, initialSnapshot } from './engine';
export { warmUpSimulation } from './warm-up';
export { simulationBook, simulationBookBuffers, copySimulationBook, bookSegments, scenarioForBook, type SimulationBook, type BookSegment } from './book-input';
export {
  summarizeSimulation,
  summarizeStepBands,
  mergeStepBands,
  stepSlice,
  stepBandsTransferables,
  type SimulationStepSlice,
  type StepBands,
} from './summary';
export { quantileSorted } from '../quantiles';
export { simulatePerClientReference, simulatePerClientReferencePaths } from './reference';
export { STRESS_PRESETS, applyStressPreset, type StressPreset, type StressPresetKey } from './stress';
export { CancelledError, isCancelledError, CHECK_EVERY_PATHS } from './cancel';
export { DYNAMICS_DEFAULTS, resolveDynamics, maturingFraction, glideShare, lprAtStep, type Dynamics } from './dynamics';

/**
 * Runs a whole simulation in this thread: simulatePaths over the range, then summarizeSimulation.
 * `paths` and `seed` default to scenario.simulation's.
 * @example simulate(demoScenario, { paths: 10000, seed: 42 }).bands.netProfit.p50
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const paths = options.paths ?? scenario.simulation.paths;
  const seed = options.seed ?? scenario.simulation.seed;
  const pathStart = options.pathStart ?? 0;
  const pathCount = options.pathCount ?? paths - pathStart;
  const { onProgress, isCancelled, book } = options;
  const part = simulatePaths(scenario, {
    seed,
    pathStart,
    pathCount,
    book,
    isCancelled,
    onProgress: onProgress ? (f) => onProgress(0.95 * f) : undefined,
  });
  if (isCancelled?.()) throw new CancelledError();
  const result = summarizeSimulation(scenario, [part], book);
  onProgress?.(1);
  return result;
}

/**
 * Splits `paths` into `parts` consecutive ranges of nearly equal size (empty ranges dropped).
 * @example splitPaths(10, 3) // [{pathStart: 0, pathCount: 4}, {pathStart: 4, pathCount: 3}, {pathStart: 7, pathCount: 3}]
 */
export function splitPaths(paths: number, parts: number): { pathStart: number; pathCount: number }[] {
  const k = Math.max(1, Math.floor(parts));
  const out: { pathStart: number; pathCount: number }[] = [];
  let start = 0;
  for (let i = 0; i < k; i++) {
    const count = Math.floor(paths / k) + (i < paths % k ? 1 : 0);
    if (count > 0) out.push({ pathStart: start, pathCount: count });
    start += count;
  }
  return out;
}

/** The buffers of a part, for a zero-copy postMessage (Comlink.transfer). */
export function partTransferables(part: SimulationPart): ArrayBuffer[] {
  return [part.values.buffer as ArrayBuffer, part.breaches.buffer as ArrayBuffer];
}
