/**
 * The IndexedDB schema (Dexie). A released `version(n)` is never edited: a change adds
 * `version(n + 1).stores(...).upgrade(...)` and a test that opens the old version first.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { writeLoanBook } from './loan-book-chunks';

/** A saved scenario in the library. `data` is validated on every read. */
export interface ScenarioRecord {
  id: string;
  /** Display name, searchable; the scenario's own bilingual name lives in `data`. */
  title: string;
  description: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** The scenario as plain JSON (validated on read: a damaged record is reported, never dropped). */
  data: unknown;
}

/**
 * Left on a record by the tab whose save replaced another tab's value of the same inputs, so that
 * the other tab can say its value was replaced (the writer says its own value was kept).
 */
export interface ConflictMark {
  paths: string[];
  at: number;
  /** The writing tab (an id made per page load). */
  tab: string;
}

/** The scenario being edited on the dashboard, restored on reload: one record per starting point. */
export interface WorkspaceRecord {
  /** `builtin:demo`, `builtin:pyramid` or `saved:<id>` (`current` in records written before). */
  key: string;
  /** The library scenario it was opened from, if any. */
  scenarioId: string | null;
  /** What "reset" returns to: a built-in or a saved scenario. */
  base: { kind: 'builtin'; name: 'demo' | 'pyramid' } | { kind: 'saved'; id: string };
  data: unknown;
  updatedAt: number;
  conflict?: ConflictMark | null;
}

/** A strategist's loan book imported from CSV (never leaves the browser), as the library reads and writes it. */
export interface LoanBookRecord {
  id: string;
  name: string;
  /** The scenario that uses this book instead of generated exposures, if any. */
  scenarioId: string | null;
  createdAt: number;
  /**
   * Since v4: the book as columns (io/loan-book-columns.ts: a few typed arrays, which IndexedDB
   * copies as blocks, where 200,000 row objects took the page's thread for seconds). Checked on
   * every read (checkStoredLoanBook).
   */
  columns?: unknown;
  /** v3's rows: kept only by a record whose rows could not be converted by the v4 upgrade (a damaged book is reported, never dropped). */
  rows?: unknown[];
}

/** What the `loanBooks` table holds since v4: a book's fields, and how many chunks of `loanBookChunks` hold its columns (db/loan-book-chunks.ts). */
export interface LoanBookEntry extends Omit<LoanBookRecord, 'columns'> {
  /** Absent on a v3 record that kept its rows. */
  chunks?: number;
}

/** Rows `index × CHUNK_ROWS …` of a book, as columns. */
export interface LoanBookChunk {
  bookId: string;
  index: number;
  columns: unknown;
}

/** Progress through one lesson. */
export interface LessonProgressRecord {
  lessonId: string;
  status: 'started' | 'completed';
  step: number;
  updatedAt: number;
}

/** One scored attempt at a challenge. */
export interface AttemptRecord {
  id?: number;
  challengeId: string;
  packId: string | null;
  team: string | null;
  score: number;
  createdAt: number;
  detail: unknown;
}

/** A workshop pack built by a trainer or opened by a team. */
export interface PackRecord {
  id: string;
  title: string;
  createdAt: number;
  data: unknown;
}

/** A team's results file imported by the trainer. */
export interface TeamResultRecord {
  id?: number;
  packId: string;
  team: string;
  importedAt: number;
  data: unknown;
}

/** A client's investment portfolio (the portfolio workspace). */
export interface PortfolioRecord {
  id: string;
  title: string;
  updatedAt: number;
  data: unknown;
}

export const DATABASE_NAME = 'tong-mix-lab';

/**
 * Another tab opened the database with a newer schema (`versionchange`: this connection is closed
 * at once, so that nothing is written with the old schema and the upgrade is not held up), or this
 * tab's upgrade waits for an older tab to close (`blocked`).
 */
export type DatabaseEvent = 'versionchange' | 'blocked';
const databaseListeners = new Set<(event: DatabaseEvent) => void>();

/** Calls `listener` on every database event of any connection of this page; returns the unsubscribe. */
export function onDatabaseEvent(listener: (event: DatabaseEvent) => void): () => void {
  databaseListeners.add(listener);
  return () => databaseListeners.delete(listener);
}

export class MixLabDatabase extends Dexie {
  scenarios!: EntityTable<ScenarioRecord, 'id'>;
  workspace!: EntityTable<WorkspaceRecord, 'key'>;
  loanBooks!: EntityTable<LoanBookEntry, 'id'>;
  loanBookChunks!: Table<LoanBookChunk, [string, number]>;
  progress!: EntityTable<LessonProgressRecord, 'lessonId'>;
  attempts!: EntityTable<AttemptRecord, 'id'>;
  packs!: EntityTable<PackRecord, 'id'>;
  teamResults!: EntityTable<TeamResultRecord, 'id'>;
  portfolios!: EntityTable<PortfolioRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    // No shared live-query cache: in its default ('cloned') mode Dexie deep-copies every live-query result in
    // JavaScript, 2–4 s on the page's thread for a loan book of 200,000 rows. Live queries read IndexedDB again instead.
    super(name, { cache: 'disabled' });
    this.on('versionchange', () => {
      // Closed for good (no auto-reopen with the old schema); the page asks the user to reload.
      this.close({ disableAutoOpen: true });
      for (const l of databaseListeners) l('versionchange');
      return false;
    });
    this.on('blocked', () => {
      for (const l of databaseListeners) l('blocked');
    });
    this.version(1).stores({
      scenarios: 'id, title, updatedAt, *tags',
      workspace: 'key',
    });
    // v2: the library, training and portfolio tables. Existing scenarios are kept; records
    // written by v1 get the fields v2 reads (tags, description) if they lack them.
    this.version(2)
      .stores({
        scenarios: 'id, title, updatedAt, *tags',
        workspace: 'key',
        loanBooks: 'id, scenarioId, createdAt',
        runs: 'id, scenarioHash, createdAt',
        progress: 'lessonId',
        attempts: '++id, challengeId, packId, createdAt',
        packs: 'id, createdAt',
        teamResults: '++id, packId, team',
        portfolios: 'id, updatedAt',
      })
      .upgrade((tx) =>
        tx
          .table('scenarios')
          .toCollection()
          .modify((r: Partial<ScenarioRecord>) => {
            r.tags ??= [];
            r.description ??= '';
          }),
      );
    // v3: the `runs` table of v2 was never read or written (a run is recomputed from its inputs
    // and seed); it is dropped, every other table kept as it is.
    this.version(3).stores({ runs: null });
    // v4: a loan book is stored as columns (typed arrays and a joined id string) in chunks (db/loan-book-chunks.ts) instead of
    // one object per row in one value: writing and reading 200,000 objects held the page's thread for seconds. Rows
    // that pass the check become columns; rows that do not are kept as they are (reported as damaged; nothing dropped).
    this.version(4)
      .stores({ loanBooks: 'id, scenarioId, createdAt', loanBookChunks: '[bookId+index]' })
      .upgrade(async (tx) => {
        const tables = { loanBooks: tx.table('loanBooks'), loanBookChunks: tx.table('loanBookChunks') };
        const books: LoanBookRecord[] = await tables.loanBooks.toArray();
        if (books.length === 0) return;
        // The row check loads only where there are books to convert, not with the first screen;
        // Dexie.waitFor keeps the upgrade's transaction open while its module loads.
        const { columnsOfStoredRows } = await Dexie.waitFor(import('../io/stored-loan-book'));
        await Dexie.Promise.all(
          books.map((r) => {
            const columns = columnsOfStoredRows(r.rows);
            if (!columns) return undefined;
            const { rows: _rows, ...fields } = r;
            return writeLoanBook(tables, { ...fields, columns });
          }),
        );
      });
  }
}

/**
 * A connection to the app's database, or null where IndexedDB is unavailable (a private window of
 * some browsers, a test without it): the app then keeps everything in memory and says so. The
 * page opens it once, for its services object (state/services.ts).
 */
export function openDatabase(name = DATABASE_NAME): MixLabDatabase | null {
  try {
    return typeof indexedDB === 'undefined' ? null : new MixLabDatabase(name);
  } catch {
    return null;
  }
}
