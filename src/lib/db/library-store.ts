/**
 * Where the library lives: IndexedDB (Dexie) when it is available, or memory when it is not
 * (some private modes) or after a quota error. Both run every change as one transaction: a
 * change is written whole or not at all, so a failed write never leaves half a record.
 */
import { Dexie, liveQuery } from 'dexie';
import type { ConflictMark, LoanBookRecord, MixLabDatabase, ScenarioRecord } from './database';
import { deleteLoanBookChunked, readLoanBook, readLoanBooks, writeLoanBook } from './loan-book-chunks';

/** A library record: the v2 `scenarios` row plus fields Dexie stores without an index. */
export interface LibraryRecord extends ScenarioRecord {
  /** The saved version that "reset to saved" and "what did I change?" compare with; absent: `data`. */
  baseline?: unknown;
  /** Set when the scenario was moved to the trash (undo and restore clear it). */
  deletedAt?: number | null;
  /** Left by the last save that replaced another tab's value of the same inputs. */
  conflict?: ConflictMark | null;
}

export interface LibraryTx {
  getScenario(id: string): Promise<LibraryRecord | undefined>;
  allScenarios(): Promise<LibraryRecord[]>;
  putScenario(record: LibraryRecord): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  loanBooksOf(scenarioId: string): Promise<LoanBookRecord[]>;
  /** A scenario's loan books without their columns (a 200,000-row book's columns are read only where they are used). */
  loanBookEntriesOf(scenarioId: string): Promise<LoanBookRecord[]>;
  /** One loan book whole. */
  loanBook(id: string): Promise<LoanBookRecord | undefined>;
  /** Scenario ids that have at least one loan book (without loading the rows). */
  loanBookOwners(): Promise<string[]>;
  putLoanBook(record: LoanBookRecord): Promise<void>;
  deleteLoanBook(id: string): Promise<void>;
}

export interface LibraryStore {
  readonly kind: 'indexeddb' | 'memory';
  /** Runs `fn` as one transaction: every write or none. */
  transact<T>(fn: (tx: LibraryTx) => Promise<T>): Promise<T>;
  /** Calls `next` with the query's result now and after every change (in this tab or another). */
  observe<T>(query: (tx: LibraryTx) => Promise<T>, next: (value: T) => void, error?: (e: unknown) => void): () => void;
}

function dexieTx(db: MixLabDatabase): LibraryTx {
  return {
    getScenario: (id) => db.scenarios.get(id) as Promise<LibraryRecord | undefined>,
    allScenarios: () => db.scenarios.toArray() as Promise<LibraryRecord[]>,
    putScenario: async (r) => void (await db.scenarios.put(r)),
    deleteScenario: (id) => db.scenarios.delete(id),
    loanBooksOf: (id) =>
      db.loanBooks
        .where('scenarioId')
        .equals(id)
        .sortBy('createdAt')
        .then((entries) => readLoanBooks(db, entries)),
    loanBookEntriesOf: (id) =>
      db.loanBooks
        .where('scenarioId')
        .equals(id)
        .sortBy('createdAt')
        .then((entries) => entries.map(({ chunks: _chunks, ...fields }) => fields)),
    loanBook: (id) => db.loanBooks.get(id).then((entry) => (entry ? readLoanBook(db, entry) : undefined)),
    loanBookOwners: async () => (await db.loanBooks.orderBy('scenarioId').uniqueKeys()).map(String),
    putLoanBook: (r) => writeLoanBook(db, r),
    deleteLoanBook: (id) => deleteLoanBookChunked(db, id),
  };
}

/** The library in IndexedDB. Live queries follow changes made by other tabs too (Dexie broadcasts them). */
export function createDexieStore(db: MixLabDatabase): LibraryStore {
  const tx = dexieTx(db);
  return {
    kind: 'indexeddb',
    transact: (fn) => db.transaction('rw', db.scenarios, db.loanBooks, db.loanBookChunks, () => fn(tx)),
    observe(query, next, error) {
      const sub = liveQuery(() => query(tx)).subscribe({ next, error: (e) => error?.(e) });
      return () => sub.unsubscribe();
    },
  };
}

/**
 * The library in memory: the same behaviour, lost when the page closes (the UI says so). A
 * transaction works on a copy and swaps it in only when it succeeds.
 */
export function createMemoryStore(seed: { scenarios?: LibraryRecord[]; loanBooks?: LoanBookRecord[] } = {}): LibraryStore {
  let scenarios = new Map((seed.scenarios ?? []).map((r) => [r.id, structuredClone(r)]));
  let loanBooks = new Map((seed.loanBooks ?? []).map((r) => [r.id, structuredClone(r)]));
  const listeners = new Set<() => void>();
  const txOver = (s: Map<string, LibraryRecord>, b: Map<string, LoanBookRecord>): LibraryTx => ({
    getScenario: async (id) => (s.has(id) ? structuredClone(s.get(id)) : undefined),
    allScenarios: async () => [...s.values()].map((r) => structuredClone(r)),
    putScenario: async (r) => void s.set(r.id, structuredClone(r)),
    deleteScenario: async (id) => void s.delete(id),
    loanBooksOf: async (id) =>
      [...b.values()]
        .filter((r) => r.scenarioId === id)
        .sort((x, y) => x.createdAt - y.createdAt)
        .map((r) => structuredClone(r)),
    loanBookEntriesOf: async (id) =>
      [...b.values()]
        .filter((r) => r.scenarioId === id)
        .sort((x, y) => x.createdAt - y.createdAt)
        .map(({ columns: _columns, ...fields }) => structuredClone(fields)),
    loanBook: async (id) => (b.has(id) ? structuredClone(b.get(id)) : undefined),
    loanBookOwners: async () => [...new Set([...b.values()].flatMap((r) => (r.scenarioId ? [r.scenarioId] : [])))].sort(),
    putLoanBook: async (r) => void b.set(r.id, structuredClone(r)),
    deleteLoanBook: async (id) => void b.delete(id),
  });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'memory',
    transact<T>(fn: (tx: LibraryTx) => Promise<T>): Promise<T> {
      // One transaction at a time, like IndexedDB's read-write transactions on the same tables.
      const run = queue.then(async () => {
        const s = new Map(scenarios);
        const b = new Map(loanBooks);
        const result = await fn(txOver(s, b));
        scenarios = s;
        loanBooks = b;
        for (const l of listeners) l();
        return result;
      });
      queue = run.catch(() => {});
      return run;
    },
    observe(query, next, error) {
      let isActive = true;
      const run = () =>
        void query(txOver(scenarios, loanBooks)).then(
          (v) => isActive && next(v),
          (e) => isActive && error?.(e),
        );
      listeners.add(run);
      run();
      return () => {
        isActive = false;
        listeners.delete(run);
      };
    },
  };
}

/** Whether an error is the browser saying the disk quota is full. */
export function isQuotaError(e: unknown): boolean {
  const names = [e, (e as { inner?: unknown })?.inner].map((x) => (x as { name?: string } | null)?.name);
  return names.some((n) => n === 'QuotaExceededError' || n === Dexie.errnames.QuotaExceeded);
}
