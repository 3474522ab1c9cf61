/**
 * The engine on the calling thread, behind the same async API as the worker (tests, or a browser
 * without module workers). A module of its own: importing it brings the whole engine along, so the
 * page imports it only where there is no worker.
 */
import { designMix, evaluate, evaluateNamed, marginalLoan, sensitivities, tornado, whatIfGrid } from '../model';
import { riskProfile } from '../model/risk-profile';
import { decodeShare } from '../io/share-link';
import { parseLibraryText } from '../io/library-file';
import type { LoanBookRow } from '../io/loan-book';
import { rowsFromColumns } from '../io/loan-book-columns';
import { calibrateStoredBook, checkedBookFigures } from '../io/stored-loan-book';
import { parseLoanBookCsvColumns } from '../io/loan-book-csv';
import type { EngineClient } from './engine-client';

/** Runs the engine on the calling thread (tests, or a browser without module workers). */
export function createInProcessEngine(): EngineClient {
  // The worker's held books, on this thread: the rows of the last CSV parsed, named by holdParsedBook.
  let lastParsed: LoanBookRow[] | null = null;
  const held = new Map<string, LoanBookRow[]>();
  return {
    riskProfile: async (s, book) => riskProfile(s, book ? rowsFromColumns(book.data) : undefined, () => performance.now()),
    evaluate: async (s) => evaluate(s),
    sensitivities: async (s, m, b) => sensitivities(s, m, b),
    designMix: async (s, o) => designMix(s, o),
    tornado: async (s, m, o) => tornado(s, m, o),
    marginalLoan: async (s, o) => marginalLoan(s, o),
    decodeShare,
    parseLibraryText: async (text, onProgress) => parseLibraryText(text, onProgress),
    parseLoanBookCsv: async (file, segments, onProgress) => {
      const { parse, rows } = parseLoanBookCsvColumns(typeof file === 'string' ? file : await file.text(), segments, onProgress);
      lastParsed = rows;
      return parse;
    },
    holdParsedBook: async (id) => {
      if (lastParsed) held.set(id, lastParsed);
      lastParsed = null;
    },
    loanBookFigures: async (s, book) => {
      const rows = held.get(book.id);
      const checked = checkedBookFigures(rows ? { rows } : ((await book.load()) ?? {}), s);
      return checked.ok ? { ok: true, figures: checked.figures } : { ok: false };
    },
    calibrateBook: async (s, book) => {
      const rows = held.get(book.id);
      return calibrateStoredBook(rows ? { rows } : ((await book.load()) ?? {}), s);
    },
    whatIfGrid: async (s, x, y, p) => whatIfGrid(s, x, y, p),
    evaluateNamed: async (s, l) => evaluateNamed(s, l),
    prewarm: () => {},
    dispose: () => {},
  };
}
