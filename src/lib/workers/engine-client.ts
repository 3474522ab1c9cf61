/**
 * The UI side of the engine: the same async API whether it runs in a module worker (the app)
 * or in-process (component tests, where jsdom has no Worker).
 */
import { wrap, type Remote } from 'comlink';
import { evaluate, sensitivities, type Evaluation, type MetricKey, type Scenario, type Sensitivity } from '../model';
import type { EngineWorkerApi } from '../../../workers/engine.worker';

export interface EngineClient {
  evaluate(scenario: Scenario): Promise<Evaluation>;
  sensitivities(scenario: Scenario, metric: MetricKey, bump?: number): Promise<Sensitivity[]>;
  dispose(): void;
}

/** Runs the engine in a module worker through Comlink. */
export function createWorkerEngine(): EngineClient {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const remote: Remote<EngineWorkerApi> = wrap<EngineWorkerApi>(worker);
  return {
    evaluate: (s) => remote.evaluate(s),
    sensitivities: (s, m, b) => remote.sensitivities(s, m, b),
    dispose: () => worker.terminate(),
  };
}

/** Runs the engine on the calling thread (tests, or a browser without module workers). */
export function createInProcessEngine(): EngineClient {
  return {
    evaluate: async (s) => evaluate(s),
    sensitivities: async (s, m, b) => sensitivities(s, m, b),
    dispose: () => {},
  };
}
