/**
 * The scenario library's files (export, import) and loan books, each one transaction on a
 * LibraryStore (IndexedDB or memory); the records themselves are in library-records.ts.
 * An import adds records beside those there (a clashing id or title gets a new one); nothing there
 * is replaced.
 */
import type { LoanBookRecord } from './database';
import type { LibraryRecord, LibraryStore } from './library-store';
import { byUpdated, checkRecord, newId, normaliseTags } from './library-records';
import { columnsFromRows, rowsFromColumns, type LoanBookColumns } from '../io/loan-book-columns';
import { checkStoredLoanBook } from '../io/stored-loan-book';
import { TRANSFER_LIMITS } from '../io/limits';
import {
  buildLibraryFile,
  parseLibraryData,
  planImport,
  type ExportedScenario,
  type LibraryFile,
  type ParsedImport,
  type TransferProblem,
} from '../io/library-file';

/** Adds a checked loan book to a scenario (the newest book is the one in use). */
export async function addLoanBook(store: LibraryStore, scenarioId: string, name: string, columns: LoanBookColumns, now = Date.now()): Promise<LoanBookRecord> {
  return store.transact(async (tx) => {
    const record: LoanBookRecord = { id: newId(), name: name.slice(0, TRANSFER_LIMITS.title), scenarioId, createdAt: now, columns };
    await tx.putLoanBook(record);
    const scenario = await tx.getScenario(scenarioId);
    if (scenario) await tx.putScenario({ ...scenario, updatedAt: Math.max(now, scenario.updatedAt + 1) });
    return record;
  });
}

export function deleteLoanBook(store: LibraryStore, id: string): Promise<void> {
  return store.transact((tx) => tx.deleteLoanBook(id));
}

export interface ExportOutcome {
  file: LibraryFile;
  /** Damaged records are not exported (their data does not pass validation); listed here. */
  skipped: { id: string; title: string }[];
}

async function exportedOf(store: LibraryStore, records: LibraryRecord[]): Promise<ExportOutcome> {
  const entries: ExportedScenario[] = [];
  const skipped: { id: string; title: string }[] = [];
  await store.transact(async (tx) => {
    for (let record of records) {
      const checked = checkRecord(record);
      // A record with damaged fields but a readable scenario is exported with its fields repaired.
      const e = checked.status === 'ok' ? checked : checked.scenario ? { ...checked, scenario: checked.scenario, baseline: checked.scenario } : null;
      if (!e) {
        skipped.push({ id: checked.record.id, title: checked.record.title });
        continue;
      }
      record = e.record;
      const books = await tx.loanBooksOf(record.id);
      const book = books[books.length - 1];
      const stored = book
        ? checkStoredLoanBook(
            book,
            e.scenario.segments.map((s) => s.key),
          )
        : null;
      entries.push({
        id: record.id,
        title: record.title,
        description: record.description,
        tags: record.tags,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        scenario: e.scenario,
        ...(JSON.stringify(e.baseline) !== JSON.stringify(e.scenario) ? { baseline: e.baseline } : {}),
        // The file keeps its rows (JSON objects): files exported before columns import as they did, and older code reads new files.
        ...(book && stored?.ok ? { loanBook: { name: book.name, rows: rowsFromColumns(stored.columns) } } : {}),
      });
    }
  });
  return { file: buildLibraryFile(entries, new Date()), skipped };
}

/** The whole library (not the trash) as an export file. */
export async function exportLibrary(store: LibraryStore): Promise<ExportOutcome> {
  const records = await store.transact((tx) => tx.allScenarios());
  return exportedOf(store, records.filter((r) => !r.deletedAt).sort(byUpdated));
}

export async function exportOne(store: LibraryStore, id: string): Promise<ExportOutcome | null> {
  const record = await store.transact((tx) => tx.getScenario(id));
  return record ? exportedOf(store, [record]) : null;
}

export type ImportOutcome =
  | { ok: true; imported: { id: string; title: string; isCopy: boolean }[] }
  | { ok: false; problems: TransferProblem[]; /** True when the file was valid but writing failed: nothing was written. */ isWriteError?: boolean };

/**
 * Imports parsed JSON (a library file or a bare scenario): validated first, then written in one
 * transaction. On any problem nothing is written. Never overwrites: clashes import copies. An
 * invalid file is a result, not an exception; a storage error (quota) is thrown, nothing written.
 */
export async function importData(store: LibraryStore, data: unknown, copyLabel: string, now = Date.now()): Promise<ImportOutcome> {
  return importParsed(store, parseLibraryData(data), copyLabel, now);
}

/** Writes a file already parsed and validated (in a worker, for a large file); nothing if it has problems. */
export async function importParsed(store: LibraryStore, parsed: ParsedImport, copyLabel: string, now = Date.now()): Promise<ImportOutcome> {
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  // One transaction: a storage error (quota) writes nothing and is thrown to the caller.
  const imported = await store.transact(async (tx) => {
    const existing = (await tx.allScenarios()).map((r) => ({ id: r.id, title: r.title }));
    const plan = planImport(parsed.entries, existing, { newId, copyLabel });
    for (const p of plan) {
      const e = p.entry;
      await tx.putScenario({
        id: p.id,
        title: p.title,
        description: e.description,
        tags: normaliseTags(e.tags),
        createdAt: e.createdAt || now,
        updatedAt: now,
        data: e.scenario,
        baseline: e.baseline ?? e.scenario,
        deletedAt: null,
      });
      if (e.loanBook) await tx.putLoanBook({ id: newId(), name: e.loanBook.name, scenarioId: p.id, createdAt: now, columns: columnsFromRows(e.loanBook.rows) });
    }
    return plan.map((p) => ({ id: p.id, title: p.title, isCopy: p.isCopy }));
  });
  return { ok: true, imported };
}
