/**
 * The UI side of the engine: the same async API whether it runs in a module worker (the app)
 * or in-process (component tests, where jsdom has no Worker).
 */
import { proxy, wrap, type Remote } from 'comlink';
import { evaluate, sensitivities, type Evaluation, type MetricKey, type Scenario, type Sensitivity } from '../model';
import { designMix, marginalLoan, tornado, type DesignOptions, type MarginalLoan, type MarginalLoanOptions, type MixDesign, type Tornado, type TornadoSteps } from '../model';
import { evaluateNamed, whatIfGrid, type LoanBookRow, type NamedResult, type NamedScenario, type WhatIfAxis, type WhatIfGrid } from '../model';
import type { EngineWorkerApi } from '../../../workers/engine.worker';
import { BOOK_NOT_HELD, riskProfile, type RiskProfile } from './risk-profile';

export interface EngineClient {
  /** The whole book's loss distribution, concentration and portfolio-basis capital (issue 3); typed arrays arrive transferred. */
  /** On the real loan book when `book` is given (from a worker, its rows are posted once per book id). */
  riskProfile(scenario: Scenario, book?: { id: string; rows: LoanBookRow[] }): Promise<RiskProfile>;
  evaluate(scenario: Scenario): Promise<Evaluation>;
  sensitivities(scenario: Scenario, metric: MetricKey, bump?: number): Promise<Sensitivity[]>;
  /** The mix design over the grid of shares (issue 7); from a worker its typed arrays arrive transferred. */
  designMix(scenario: Scenario, options?: DesignOptions): Promise<MixDesign>;
  tornado(scenario: Scenario, metric: MetricKey, options?: { step?: Partial<TornadoSteps>; inputs?: boolean }): Promise<Tornado>;
  marginalLoan(scenario: Scenario, options: MarginalLoanOptions): Promise<MarginalLoan>;
  /** The two-way what-if table in closed form, with progress (done, total) after each row. */
  whatIfGrid(scenario: Scenario, x: WhatIfAxis, y: WhatIfAxis, onProgress?: (done: number, total: number) => void): Promise<WhatIfGrid>;
  evaluateNamed(scenario: Scenario, list: NamedScenario[]): Promise<NamedResult[]>;
  dispose(): void;
}

/** Runs the engine in a module worker through Comlink. */
export function createWorkerEngine(): EngineClient {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const remote: Remote<EngineWorkerApi> = wrap<EngineWorkerApi>(worker);
  // The id of the book the worker holds: posting 200,000 rows costs about a second, so they go once.
  let sentBookId: string | null = null;
  async function riskProfileOf(s: Scenario, book?: { id: string; rows: LoanBookRow[] }): Promise<RiskProfile> {
    if (!book) return remote.riskProfile(s);
    const isSending = sentBookId !== book.id;
    // Set before the call: a second request right behind this one reaches the worker after it.
    sentBookId = book.id;
    try {
      return await remote.riskProfile(s, isSending ? book : { id: book.id });
    } catch (e) {
      if (isSending || !String(e).includes(BOOK_NOT_HELD)) {
        if (isSending) sentBookId = null;
        throw e;
      }
      return remote.riskProfile(s, book);
    }
  }
  return {
    riskProfile: riskProfileOf,
    evaluate: (s) => remote.evaluate(s),
    sensitivities: (s, m, b) => remote.sensitivities(s, m, b),
    designMix: (s, o) => remote.designMix(s, o),
    tornado: (s, m, o) => remote.tornado(s, m, o),
    marginalLoan: (s, o) => remote.marginalLoan(s, o),
    whatIfGrid: (s, x, y, p) => remote.whatIfGrid(s, x, y, p ? proxy(p) : undefined),
    evaluateNamed: (s, l) => remote.evaluateNamed(s, l),
    dispose: () => worker.terminate(),
  };
}

/** Runs the engine on the calling thread (tests, or a browser without module workers). */
export function createInProcessEngine(): EngineClient {
  return {
    riskProfile: async (s, book) => riskProfile(s, book?.rows),
    evaluate: async (s) => evaluate(s),
    sensitivities: async (s, m, b) => sensitivities(s, m, b),
    designMix: async (s, o) => designMix(s, o),
    tornado: async (s, m, o) => tornado(s, m, o),
    marginalLoan: async (s, o) => marginalLoan(s, o),
    whatIfGrid: async (s, x, y, p) => whatIfGrid(s, x, y, p),
    evaluateNamed: async (s, l) => evaluateNamed(s, l),
    dispose: () => {},
  };
}
