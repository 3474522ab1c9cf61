/**
 * The engine's worker boundary (after GoogleChromeLabs/proxx): a thin Comlink adapter that
 * exposes pure model functions. The UI imports only the type. The parsers (share links, library
 * files, loan-book CSV: papaparse and valibot) load on their first call, so the worker starts
 * with the model alone and a view's first request (the design grid) does not wait for them.
 */
import { expose, transfer } from 'comlink';
import { transferOnce } from './transfer-once';
import {
  designMix,
  designTransferables,
  evaluate,
  evaluateNamed,
  marginalLoan,
  sensitivities,
  tornado,
  whatIfGrid,
  whatIfTransferables,
  type DesignOptions,
  type LoanBookRow,
  type MixDesign,
  type Scenario,
  type WhatIfAxis,
  type WhatIfGrid,
} from '../src/lib/model';
import type { LoanBookColumns } from '../src/lib/io/loan-book-columns';
import type { CheckedBookFigures, StoredLoanBook } from '../src/lib/io/stored-loan-book';
import { BOOK_NOT_HELD, riskProfile, riskProfileTransferables, type RiskProfile } from '../src/lib/model/risk-profile';

// The first transfer out of this thread, before anything is compiled (see transfer-once.ts).
transferOnce();

/** The last loan book posted (as the model's rows), kept so a slider move does not post the book again. */
let heldBook: { id: string; rows: LoanBookRow[] } | null = null;
/** The rows of the last CSV parsed here: the page names them with their stored id (holdParsedBook) instead of posting them back. */
let lastParsed: LoanBookRow[] | null = null;
/** The held book's checked figures for one scenario (the panel asks again when the scenario changes). */
let heldFigures: { id: string; scenario: string; result: CheckedBookFigures } | null = null;

const columnsCodec = () => import('../src/lib/io/loan-book-columns');
const storedBooks = () => import('../src/lib/io/stored-loan-book');
const csvReader = () => import('../src/lib/io/loan-book-csv');

/** The held book's rows, after taking the (checked) columns posted with this call. */
async function heldRows(book: { id: string; data?: LoanBookColumns }): Promise<LoanBookRow[]> {
  if (book.data) heldBook = { id: book.id, rows: (await columnsCodec()).rowsFromColumns(book.data) };
  if (heldBook?.id !== book.id) throw new Error(BOOK_NOT_HELD);
  return heldBook.rows;
}

const engine = {
  /** The whole book's loss distribution and concentration; typed arrays transferred. */
  /** On the real loan book when `book` is given: its columns once, then its id alone. */
  riskProfile: async (scenario: Scenario, book?: { id: string; data?: LoanBookColumns }): Promise<RiskProfile> => {
    const profile = riskProfile(scenario, book ? await heldRows(book) : undefined, () => performance.now());
    return transfer(profile, riskProfileTransferables(profile));
  },
  evaluate,
  sensitivities,
  /** The mix-design grid; its typed arrays are transferred, not copied (≈1 MB for 5,151 mixes). */
  designMix: (scenario: Scenario, options?: DesignOptions): MixDesign => {
    const design = designMix(scenario, options);
    return transfer(design, designTransferables(design));
  },
  tornado,
  marginalLoan,
  /** A share link's data, inflated (up to its cap) and validated here, off the page's thread. */
  decodeShare: async (data: string) => (await import('../src/lib/io/share-link')).decodeShare(data),
  /** An imported library file, parsed and validated here (2,000 scenarios take about a second). */
  parseLibraryText: async (text: string, onProgress?: (fraction: number) => void) =>
    (await import('../src/lib/io/library-file')).parseLibraryText(text, onProgress),
  /** The two-way what-if table; progress after each row (a Comlink proxy); typed arrays transferred. */
  whatIfGrid: (scenario: Scenario, x: WhatIfAxis, y: WhatIfAxis, onProgress?: (done: number, total: number) => void): WhatIfGrid => {
    const grid = whatIfGrid(scenario, x, y, onProgress);
    return transfer(grid, whatIfTransferables(grid));
  },
  evaluateNamed,
  /**
   * A loan-book CSV (the file itself, or its text), read, parsed and checked here with progress (200,000 rows take seconds: never on the page's thread). The
   * book goes to the page as columns, their buffers transferred: cloning 200,000 row objects held the page for half a second.
   */
  parseLoanBookCsv: async (file: Blob | string, segments: { key: string; name: { zh: string; en: string } }[], onProgress?: (fraction: number) => void) => {
    const [codec, csv] = await Promise.all([columnsCodec(), csvReader()]);
    // The file is read here too: decoding 11 MB of text on the page's thread was a long task of its own.
    const text = typeof file === 'string' ? file : await file.text();
    const { parse, rows } = csv.parseLoanBookCsvColumns(text, segments, onProgress);
    lastParsed = rows;
    return parse.ok ? transfer(parse, codec.columnsTransferables(parse.book)) : parse;
  },
  /** The rows of the last CSV parsed become the held book `id` (its stored id): they need not be posted back. */
  holdParsedBook: (id: string): void => {
    if (!lastParsed) throw new Error(BOOK_NOT_HELD);
    heldBook = { id, rows: lastParsed };
    lastParsed = null;
  },
  /**
   * A stored book checked and its concentration beside the generated book's (the loan-book panel). A book posted is
   * checked and then held (as checked rows, which riskProfile reads by the same id); later calls send the id alone.
   */
  loanBookFigures: async (scenario: Scenario, book: { id: string; data?: StoredLoanBook }): Promise<CheckedBookFigures> => {
    const key = JSON.stringify(scenario);
    if (book.data || heldFigures?.id !== book.id || heldFigures.scenario !== key) {
      const checked = (await storedBooks()).checkedBookFigures(book.data ?? { rows: await heldRows({ id: book.id }) }, scenario);
      if (book.data) heldBook = checked.ok ? { id: book.id, rows: checked.rows } : null;
      heldFigures = { id: book.id, scenario: key, result: checked.ok ? { ok: true, figures: checked.figures } : { ok: false } };
    }
    return heldFigures.result;
  },
  /** The scenario's inputs calibrated to a stored book (the held one, checked again against this scenario's segments). */
  calibrateBook: async (scenario: Scenario, book: { id: string; data?: StoredLoanBook }) =>
    (await storedBooks()).calibrateStoredBook(book.data ?? { rows: await heldRows({ id: book.id }) }, scenario),
};

export type EngineWorkerApi = typeof engine;

expose(engine);
