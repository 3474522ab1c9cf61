/**
 * A small run of a scenario as the worker pool makes them, thrown away: a worker that runs it
 * before its first real Run has the engine's code compiled to optimised machine code by then (a
 * cold worker's first run takes over twice as long). Two chunks with a progress callback, then
 * the first summary worker's part and another's, twice, so every function a Run calls has been
 * called, and called again once its long loops were compiled on their own (a function called once
 * is compiled whole only at its next call, on a Run's time).
 */
import { simulatePaths } from './engine';
import { stepSlice, summarizeSimulation, summarizeStepBands } from './summary';
import type { Scenario } from '../scenario';

/** Paths per chunk of the warm-up: enough calls of each step for the engine's code to be optimised. */
const WARM_UP_PATHS = 100;

/**
 * Runs the warm-up on `scenario` (the generated book). A worker passes a structured clone of the
 * demo bank, so that the optimised code expects the hidden classes of scenarios sent to it.
 * @example warmUpSimulation(structuredClone(demoScenario))
 */
export function warmUpSimulation(scenario: Scenario): void {
  const parts = [0, 1].map((k) =>
    simulatePaths(scenario, { seed: 0, pathStart: k * WARM_UP_PATHS, pathCount: WARM_UP_PATHS, onProgress: () => {}, book: null }),
  );
  const steps = parts[0].steps;
  const half = Math.floor(steps / 2);
  for (let call = 0; call < 2; call++) {
    summarizeSimulation(scenario, parts, null, { bandSteps: [0, half] });
    summarizeStepBands(parts.map((p) => stepSlice(p, half, steps, true)));
  }
}
