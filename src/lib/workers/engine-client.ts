/**
 * The UI side of the engine: the same async API whether it runs in a module worker (the app)
 * or in-process (engine-in-process.ts: component tests, where jsdom has no Worker). This module
 * imports only types of the engine, so the page's first chunk does not carry the engine itself.
 */
import type { Scenario } from '../model';
import type { EngineWorkerApi } from '../../../workers/engine.worker';
import type { RiskProfile } from '../model/risk-profile';
import { BOOK_NOT_HELD } from '../model/book-held';
import { supervise, type AsyncApi } from './supervised';
import type { DecodedShare } from '../io/share-link';
import type { ParsedImport } from '../io/library-file';
import type { LoanBookColumns } from '../io/loan-book-columns';
import type { CheckedBookFigures, StoredLoanBook } from '../io/stored-loan-book';
import type { LoanBookColumnsParse } from '../io/loan-book-csv';
import type { calibrateFromBook } from '../io/loan-book';
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
  holdParsedBook: 15_000,
  loanBookFigures: 90_000,
  calibrateBook: 90_000,
  whatIfGrid: 60_000,
  evaluateNamed: 30_000,
} as const;

/**
 * The engine's calls as the page makes them: the worker's own API (`EngineWorkerApi`, the type of
 * what engine.worker.ts exposes), each call answering a promise, whether it runs in the worker or
 * in-process. Not Comlink's `Remote<…>`: that also types the proxy's own methods (release, endpoint),
 * which the in-process engine and the tests' fakes have no use for.
 */
export type EngineClient = Omit<AsyncApi<EngineWorkerApi>, 'riskProfile' | 'loanBookFigures' | 'calibrateBook'> & {
  /**
   * The whole book's loss distribution, concentration and portfolio-basis capital; typed arrays arrive
   * transferred. On the real loan book when `book` is given (its checked columns; from a worker, posted once per book id).
   */
  riskProfile(scenario: Scenario, book?: { id: string; data: LoanBookColumns }): Promise<RiskProfile>;
  /**
   * A stored book (the record: its columns, or a v3 record's rows) checked, with its concentration beside the generated
   * book's (the loan-book panel). The book is read (`load`) and goes to the worker once per book id, and not at all after
   * holdParsedBook(id) named the rows of the CSV it just parsed.
   */
  loanBookFigures(scenario: Scenario, book: { id: string; load: () => Promise<StoredLoanBook | undefined> }): Promise<CheckedBookFigures>;
  /** The scenario's inputs calibrated to a stored book, in the worker (the book read and posted as for loanBookFigures). */
  calibrateBook(scenario: Scenario, book: { id: string; load: () => Promise<StoredLoanBook | undefined> }): Promise<ReturnType<typeof calibrateFromBook>>;
  /** Starts the worker now (at idle after the first paint), so the first heavy call does not wait for its module. */
  prewarm(): void;
  dispose(): void;
};

/** An engine worker with no call for this long is terminated (its memory goes back to the page); the next call starts a fresh one. */
export const ENGINE_IDLE_MS = 60_000;

/**
 * Runs the engine in a module worker through Comlink, supervised: a call whose worker crashed or
 * never answers rejects with a `WorkerFailure`, and the next call starts a fresh worker.
 */
export function createWorkerEngine(): EngineClient {
  const engine = supervise<EngineWorkerApi>(
    'engine',
    () => new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }),
    {
      idleMs: ENGINE_IDLE_MS,
    },
  );
  const t = ENGINE_TIMEOUT_MS;
  // The id of the book the worker holds: a book is posted once, then named by its id.
  // A restarted worker holds none: it answers BOOK_NOT_HELD and the book goes again.
  let sentBookId: string | null = null;
  /** A call on the held book `book.id`: its data are posted only when the worker may not hold them. */
  async function onHeldBook<D, T>(book: { id: string; load: () => D | Promise<D> }, call: (b: { id: string; data?: D }) => Promise<T>): Promise<T> {
    const isSending = sentBookId !== book.id;
    // Set before the call: a second request right behind this one reaches the worker after it.
    sentBookId = book.id;
    try {
      return await call(isSending ? { id: book.id, data: await book.load() } : { id: book.id });
    } catch (e) {
      if (isSending || !String(e).includes(BOOK_NOT_HELD)) {
        if (isSending) sentBookId = null;
        throw e;
      }
      return call({ id: book.id, data: await book.load() });
    }
  }
  /** A stored book to post: a book gone from the database posts as empty (the worker reports it as damaged). */
  const storedBook = (book: { id: string; load: () => Promise<StoredLoanBook | undefined> }) => ({
    id: book.id,
    load: async (): Promise<StoredLoanBook> => (await book.load()) ?? {},
  });
  function riskProfileOf(s: Scenario, book?: { id: string; data: LoanBookColumns }): Promise<RiskProfile> {
    if (!book) return engine.call((r) => r.riskProfile(s), t.riskProfile);
    return onHeldBook({ id: book.id, load: () => book.data }, (b) => engine.call((r) => r.riskProfile(s, b), t.riskProfile));
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
    parseLoanBookCsv: (file, segments, onProgress) =>
      engine.call<LoanBookColumnsParse>(
        (r) =>
          r.parseLoanBookCsv(
            file,
            segments.map((s) => ({ key: s.key, name: s.name })),
            onProgress ? proxy(onProgress) : undefined,
          ) as Promise<LoanBookColumnsParse>,
        t.parseLoanBookCsv,
      ),
    holdParsedBook: async (id) => {
      await engine.call((r) => r.holdParsedBook(id), t.holdParsedBook);
      sentBookId = id;
    },
    loanBookFigures: (s, book) => onHeldBook(storedBook(book), (b) => engine.call<CheckedBookFigures>((r) => r.loanBookFigures(s, b), t.loanBookFigures)),
    calibrateBook: (s, book) =>
      onHeldBook(storedBook(book), (b) =>
        engine.call<ReturnType<typeof calibrateFromBook>>((r) => r.calibrateBook(s, b) as Promise<ReturnType<typeof calibrateFromBook>>, t.calibrateBook),
      ),
    whatIfGrid: (s, x, y, p) => engine.call((r) => r.whatIfGrid(s, x, y, p ? proxy(p) : undefined), t.whatIfGrid),
    evaluateNamed: (s, l) => engine.call((r) => r.evaluateNamed(s, l), t.evaluateNamed),
    prewarm: () => engine.warm(),
    dispose: () => engine.dispose(),
  };
}

/**
 * The in-process engine, loaded at its first call (a test, or a browser without module workers): a
 * static import would put the whole engine in the page's first chunk.
 */
export function createInProcessEngineOnDemand(): EngineClient {
  let loaded: Promise<EngineClient> | null = null;
  const load = () => (loaded ??= import('./engine-in-process').then((m) => m.createInProcessEngine()));
  return new Proxy({} as EngineClient, {
    get:
      (_, name) =>
      (...args: unknown[]) =>
        load().then((engine) => (engine[name as keyof EngineClient] as (...a: unknown[]) => unknown)(...args)),
  });
}
