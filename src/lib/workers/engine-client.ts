/**
 * The UI side of the engine: the same async API whether it runs in a module worker (the app)
 * or in-process (component tests, where jsdom has no Worker).
 */
import { evaluate, sensitivities, type Evaluation, type MetricKey, type Scenario, type Sensitivity } from '../model';
import { designMix, marginalLoan, tornado, type DesignOptions, type MarginalLoan, type MarginalLoanOptions, type MixDesign, type Tornado, type TornadoSteps } from '../model';
import { evaluateNamed, whatIfGrid, type LoanBookRow, type NamedResult, type NamedScenario, type WhatIfAxis, type WhatIfGrid } from '../model';
import type { EngineWorkerApi } from '../../../workers/engine.worker';
import { BOOK_NOT_HELD, riskProfile, type RiskProfile } from './risk-profile';
import { supervise } from './supervised';
import { decodeShare, type DecodedShare } from '../db/share-link';
import { parseLibraryText, type ParsedImport } from '../db/transfer';
import { parseLoanBookCsv, type LoanBookParse, type SegmentRef } from '../db/loan-book';
import { proxy } from 'comlink';

/**
 * How long each call may go without an answer before its worker is presumed dead (terminated by
 * the browser, crashed, or a message lost) and restarted. Generous: several times the slowest
 * measured call on a 2-core machine, so a slow machine is never mistaken for a dead worker.
 */
export const ENGINE_TIMEOUT_MS = {
  evaluate: 15_000,
  sensitivities: 30_000,
  riskProfile: 90_000,
  designMix: 90_000,
  tornado: 60_000,
  marginalLoan: 60_000,
  decodeShare: 15_000,
  parseLibraryText: 120_000,
  parseLoanBookCsv: 120_000,
  whatIfGrid: 60_000,
  evaluateNamed: 30_000,
} as const;

export interface EngineClient {
  /** The whole book's loss distribution, concentration and portfolio-basis capital; typed arrays arrive transferred. */
  /** On the real loan book when `book` is given (from a worker, its rows are posted once per book id). */
  riskProfile(scenario: Scenario, book?: { id: string; rows: LoanBookRow[] }): Promise<RiskProfile>;
  evaluate(scenario: Scenario): Promise<Evaluation>;
  sensitivities(scenario: Scenario, metric: MetricKey, bump?: number): Promise<Sensitivity[]>;
  /** The mix design over the grid of shares; from a worker its typed arrays arrive transferred. */
  designMix(scenario: Scenario, options?: DesignOptions): Promise<MixDesign>;
  tornado(scenario: Scenario, metric: MetricKey, options?: { step?: Partial<TornadoSteps>; inputs?: boolean }): Promise<Tornado>;
  marginalLoan(scenario: Scenario, options: MarginalLoanOptions): Promise<MarginalLoan>;
  /** Decodes and validates a share link's data (in the worker: a hostile link never blocks the page). */
  decodeShare(data: string): Promise<DecodedShare>;
  /** Parses and validates an imported library file (in the worker, reporting progress 0..1). */
  parseLibraryText(text: string, onProgress?: (fraction: number) => void): Promise<ParsedImport>;
  /** Parses and checks a loan-book CSV (in the worker, reporting progress 0..1). */
  parseLoanBookCsv(text: string, segments: readonly SegmentRef[], onProgress?: (fraction: number) => void): Promise<LoanBookParse>;
  /** The two-way what-if table in closed form, with progress (done, total) after each row. */
  whatIfGrid(scenario: Scenario, x: WhatIfAxis, y: WhatIfAxis, onProgress?: (done: number, total: number) => void): Promise<WhatIfGrid>;
  evaluateNamed(scenario: Scenario, list: NamedScenario[]): Promise<NamedResult[]>;
  dispose(): void;
}

/**
 * Runs the engine in a module worker through Comlink, supervised: a call whose worker crashed or
 * never answers rejects with a `WorkerFailure`, and the next call starts a fresh worker.
 */
export function createWorkerEngine(): EngineClient {
  const engine = supervise<EngineWorkerApi>('engine', () => new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }));
  const t = ENGINE_TIMEOUT_MS;
  // The id of the book the worker holds: posting 200,000 rows costs about a second, so they go once.
  // A restarted worker holds none: it answers BOOK_NOT_HELD and the rows go again.
  let sentBookId: string | null = null;
  async function riskProfileOf(s: Scenario, book?: { id: string; rows: LoanBookRow[] }): Promise<RiskProfile> {
    if (!book) return engine.call((r) => r.riskProfile(s), t.riskProfile);
    const isSending = sentBookId !== book.id;
    // Set before the call: a second request right behind this one reaches the worker after it.
    sentBookId = book.id;
    try {
      return await engine.call((r) => r.riskProfile(s, isSending ? book : { id: book.id }), t.riskProfile);
    } catch (e) {
      if (isSending || !String(e).includes(BOOK_NOT_HELD)) {
        if (isSending) sentBookId = null;
        throw e;
      }
      return engine.call((r) => r.riskProfile(s, book), t.riskProfile);
    }
  }
  return {
    riskProfile: riskProfileOf,
    evaluate: (s) => engine.call((r) => r.evaluate(s), t.evaluate),
    sensitivities: (s, m, b) => engine.call((r) => r.sensitivities(s, m, b), t.sensitivities),
    designMix: (s, o) => engine.call((r) => r.designMix(s, o), t.designMix),
    tornado: (s, m, o) => engine.call((r) => r.tornado(s, m, o), t.tornado),
    marginalLoan: (s, o) => engine.call((r) => r.marginalLoan(s, o), t.marginalLoan),
    decodeShare: (d) => engine.call<DecodedShare>((r) => r.decodeShare(d) as Promise<DecodedShare>, t.decodeShare),
    parseLibraryText: (text, onProgress) =>
      engine.call<ParsedImport>((r) => r.parseLibraryText(text, onProgress ? proxy(onProgress) : undefined) as Promise<ParsedImport>, t.parseLibraryText),
    parseLoanBookCsv: (text, segments, onProgress) =>
      engine.call<LoanBookParse>(
        (r) => r.parseLoanBookCsv(text, segments.map((s) => ({ key: s.key, name: s.name })), onProgress ? proxy(onProgress) : undefined) as Promise<LoanBookParse>,
        t.parseLoanBookCsv,
      ),
    whatIfGrid: (s, x, y, p) => engine.call((r) => r.whatIfGrid(s, x, y, p ? proxy(p) : undefined), t.whatIfGrid),
    evaluateNamed: (s, l) => engine.call((r) => r.evaluateNamed(s, l), t.evaluateNamed),
    dispose: () => engine.dispose(),
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
    decodeShare,
    parseLibraryText: async (text, onProgress) => parseLibraryText(text, onProgress),
    parseLoanBookCsv: async (text, segments, onProgress) => parseLoanBookCsv(text, segments, onProgress),
    whatIfGrid: async (s, x, y, p) => whatIfGrid(s, x, y, p),
    evaluateNamed: async (s, l) => evaluateNamed(s, l),
    dispose: () => {},
  };
}
