/**
 * The Monte Carlo of a challenge play on the worker pool (the team's player and the trainer's
 * rescoring run the same seeded simulation, so they read the same `mc.*` figures; a lesson whose
 * goals read `mc.*` figures runs it as the levers move, through `simulatePlayWhenIdle`). Results
 * are kept per play in memory: the same scenario is never simulated twice in a session.
 */
import { isCancelledError, type Scenario } from '../model';
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
export async function simulatePlay(
  spec: MonteCarloSpec,
  scenario: Scenario,
  options: { onProgress?: (p: PoolProgress) => void; signal?: AbortSignal } = {},
): Promise<Record<string, number>> {
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
  const figures = monteCarloFigures(result, scenario);
  done.set(key, figures);
  return figures;
}

/** How long the levers must rest before a changed play is simulated (a drag of a slider runs once). */
export const IDLE_BEFORE_RUN_MS = 400;

export interface PendingPlay {
  /** The play's figures, or null when it was cancelled first. */
  done: Promise<Record<string, number> | null>;
  /** Stops the wait, or the run (its workers are terminated); `done` then resolves with null. */
  cancel(): void;
}

/**
 * Simulates a play once the levers have rested `delayMs` (at once when it was simulated already);
 * `cancel()` drops it, so a view cancels the run of the play before on every move and only the
 * latest play is ever simulated to the end.
 * @example const pending = simulatePlayWhenIdle(spec, scenario, { onProgress }); // later: pending.cancel()
 */
export function simulatePlayWhenIdle(
  spec: MonteCarloSpec,
  scenario: Scenario,
  options: { delayMs?: number; onProgress?: (p: PoolProgress) => void } = {},
): PendingPlay {
  const known = simulatedFigures(spec, scenario);
  if (known) return { done: Promise.resolve(known), cancel: () => {} };
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<Record<string, number> | null>((resolve, reject) => {
    controller.signal.addEventListener('abort', () => resolve(null), { once: true });
    timer = setTimeout(() => {
      simulatePlay(spec, scenario, { signal: controller.signal, onProgress: options.onProgress }).then(resolve, (e: unknown) =>
        isCancelledError(e) || controller.signal.aborted ? resolve(null) : reject(e),
      );
    }, options.delayMs ?? IDLE_BEFORE_RUN_MS);
  });
  return {
    done,
    cancel: () => {
      clearTimeout(timer);
      controller.abort();
    },
  };
}
