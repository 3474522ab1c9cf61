/**
 * The Monte Carlo of a challenge play on the worker pool (the team's player and the trainer's
 * rescoring run the same seeded simulation, so they read the same `mc.*` figures). Results are
 * kept per play in memory: the same scenario is never simulated twice in a session.
 */
import type { Scenario } from '../model';
import { monteCarloFigures, monteCarloScenario, type MonteCarloSpec } from '../training';
import type { PoolProgress } from '../workers/pool';
import { createInProcessSimulationWorker, runSimulationOnPool } from '../workers/simulation-client';

const done = new Map<string, Record<string, number>>();

/** The key of a play: the spec and the scenario as data. */
export function playKey(spec: MonteCarloSpec, scenario: Scenario): string {
  return JSON.stringify([spec, scenario]);
}

/** The `mc.*` figures of a play already simulated in this session, if any. */
export function simulatedFigures(spec: MonteCarloSpec, scenario: Scenario): Record<string, number> | null {
  return done.get(playKey(spec, scenario)) ?? null;
}

/**
 * Simulates a play (the challenge's stress, paths and seed) on the worker pool, with progress.
 * @example await simulatePlay(challenge.monteCarlo!, scenario, { onProgress: (p) => (bar = p.fraction) })
 */
export async function simulatePlay(spec: MonteCarloSpec, scenario: Scenario, options: { onProgress?: (p: PoolProgress) => void; signal?: AbortSignal } = {}): Promise<Record<string, number>> {
  const key = playKey(spec, scenario);
  const known = done.get(key);
  if (known) return known;
  const result = await runSimulationOnPool(monteCarloScenario(spec, scenario), {
    paths: spec.paths,
    seed: spec.seed,
    signal: options.signal,
    onProgress: options.onProgress,
    // no module workers (a test DOM): the same calls in this thread
    createWorker: typeof Worker === 'undefined' ? createInProcessSimulationWorker : undefined,
  });
  const figures = monteCarloFigures(result);
  done.set(key, figures);
  return figures;
}
