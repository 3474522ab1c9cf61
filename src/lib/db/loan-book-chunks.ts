/**
 * How a loan book is laid out in IndexedDB since v4: its fields in `loanBooks`, its columns in
 * `loanBookChunks`, 10,000 rows a record. IndexedDB copies a value on the page's thread when it is
 * written and when it is read (and compresses a large one); a chunk at a time, each copy is one
 * short task, where a 200,000-row book in one value held the page for a tenth of a second. The
 * library reads and writes whole books (`LoanBookRecord`): the split and the join are here only.
 */
import { Dexie } from 'dexie';
import { concatColumns, isColumnsShape, sliceColumns } from '../io/loan-book-columns';
import type { LoanBookEntry, LoanBookRecord, MixLabDatabase } from './database';

/** Rows per stored chunk: about 0.7 MB of columns (25,000 rows, 1.8 MB, still made an occasional 50 ms write under load). */
export const CHUNK_ROWS = 10_000;

/** The two tables (of the database, or of the upgrade's transaction). */
export type LoanBookTables = Pick<MixLabDatabase, 'loanBooks' | 'loanBookChunks'>;

const chunksOf = (t: LoanBookTables, id: string) => t.loanBookChunks.where('[bookId+index]').between([id, Dexie.minKey], [id, Dexie.maxKey]);

// Chains of Dexie's own promises, not async functions: an IndexedDB transaction stays open only while a request is
// pending, and Dexie follows its transaction through its own promises (nested native awaits lost it: PrematureCommitError).

/** `steps` run one after another, each once the one before has finished. */
function inSequence<T>(steps: (() => PromiseLike<T>)[]): Promise<T[]> {
  return steps.reduce<Promise<T[]>>((done, step) => done.then((out) => Dexie.Promise.resolve(step()).then((v) => [...out, v])), Dexie.Promise.resolve([]));
}

/**
 * Writes a book (replacing one of the same id), chunk after chunk: each chunk is copied in a task
 * of its own. A book whose columns are not columns (a damaged record being copied) is one chunk, as it is.
 */
export function writeLoanBook(t: LoanBookTables, record: LoanBookRecord): Promise<void> {
  const { columns, ...fields } = record;
  // Each chunk is cut when it is written, in the task that writes it.
  const parts: (() => unknown)[] =
    columns === undefined
      ? []
      : isColumnsShape(columns)
        ? Array.from(
            { length: Math.max(1, Math.ceil(columns.count / CHUNK_ROWS)) },
            (_, i) => () => sliceColumns(columns, i * CHUNK_ROWS, Math.min(columns.count, (i + 1) * CHUNK_ROWS)),
          )
        : [() => columns];
  return chunksOf(t, record.id)
    .delete()
    .then(() => t.loanBooks.put(columns === undefined ? fields : { ...fields, chunks: parts.length }))
    .then(() => inSequence(parts.map((part, index) => () => t.loanBookChunks.put({ bookId: record.id, index, columns: part() }))))
    .then(() => undefined);
}

/** A stored book whole: its chunks read one after another and joined; a missing or damaged chunk makes its columns null (reported, not thrown). */
export function readLoanBook(t: LoanBookTables, entry: LoanBookEntry): Promise<LoanBookRecord> {
  const { chunks, ...fields } = entry;
  if (chunks === undefined) return Dexie.Promise.resolve(fields);
  return inSequence(Array.from({ length: chunks }, (_, index) => () => t.loanBookChunks.get([entry.id, index]))).then((got) => {
    const parts = got.map((c) => c?.columns);
    const columns = parts.length === 1 ? parts[0] : parts.every(isColumnsShape) ? concatColumns(parts) : null;
    return { ...fields, columns: columns ?? null };
  });
}

/** The books of `entries`, each read whole, in their order. */
export function readLoanBooks(t: LoanBookTables, entries: LoanBookEntry[]): Promise<LoanBookRecord[]> {
  return inSequence(entries.map((e) => () => readLoanBook(t, e)));
}

export function deleteLoanBookChunked(t: LoanBookTables, id: string): Promise<void> {
  return chunksOf(t, id)
    .delete()
    .then(() => t.loanBooks.delete(id));
}
