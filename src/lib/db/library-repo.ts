/**
 * The scenario library's operations, each one transaction on a LibraryStore (IndexedDB or memory).
 *
 * Two tabs writing: edits are patches, not whole-record writes. Renaming in one tab and tagging in
 * the other both survive (each writes only its field, inside a transaction that reads the current
 * record). The scenario itself is merged input by input (`mergeScenarios`): edits of different
 * inputs both survive; the same input edited in both is a conflict, the later writer wins and the
 * conflict is reported to the UI. Nothing is ever deleted outright by an edit: delete moves to the
 * trash, from which undo restores.
 */
import { mergeScenarios, validateScenario, type Scenario, type ValidationProblem } from '../model';
import type { LoanBookRecord } from './database';
import type { LibraryRecord, LibraryStore } from './library-store';
import { checkLoanBookRows, type LoanBookRow } from './loan-book';
import { buildLibraryFile, parseLibraryData, planImport, uniqueTitle, type ExportedScenario, type LibraryFile, type TransferProblem } from './transfer';

export function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A library record read back and checked: a damaged record is shown as damaged, never dropped. */
export type LibraryEntry =
  | { status: 'ok'; record: LibraryRecord; scenario: Scenario; baseline: Scenario }
  | { status: 'damaged'; record: LibraryRecord; problems: ValidationProblem[] };

export function checkRecord(record: LibraryRecord): LibraryEntry {
  const checked = validateScenario(record.data);
  if (!checked.ok) return { status: 'damaged', record, problems: checked.problems };
  const base = record.baseline === undefined ? checked : validateScenario(record.baseline);
  return { status: 'ok', record, scenario: checked.scenario, baseline: base.ok ? base.scenario : checked.scenario };
}

/** Every record, newest edit first (the trash included; callers filter on `deletedAt`). */
export function listEntries(store: LibraryStore): Promise<LibraryEntry[]> {
  return store.transact(async (tx) => (await tx.allScenarios()).sort(byUpdated).map(checkRecord));
}

export function byUpdated(a: LibraryRecord, b: LibraryRecord): number {
  return b.updatedAt - a.updatedAt || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

export interface NewScenario {
  title: string;
  description?: string;
  tags?: string[];
  scenario: Scenario;
  /** Label for a copy when the title is taken (UI language), e.g. '副本' / 'copy'. */
  copyLabel: string;
}

/** Adds a scenario; a title already used gets a copy label, never replacing anything. */
export async function createScenario(store: LibraryStore, input: NewScenario, now = Date.now()): Promise<LibraryRecord> {
  return store.transact(async (tx) => {
    const taken = new Set((await tx.allScenarios()).map((r) => r.title));
    const record: LibraryRecord = {
      id: newId(),
      title: uniqueTitle(input.title.slice(0, 200), taken, input.copyLabel),
      description: input.description ?? '',
      tags: input.tags ?? [],
      createdAt: now,
      updatedAt: now,
      data: input.scenario,
      baseline: input.scenario,
      deletedAt: null,
    };
    await tx.putScenario(record);
    return record;
  });
}

/** A copy of a record (its current inputs as the copy's saved version), and of its loan books. */
export async function duplicateScenario(store: LibraryStore, id: string, copyLabel: string, now = Date.now()): Promise<LibraryRecord | null> {
  return store.transact(async (tx) => {
    const source = await tx.getScenario(id);
    if (!source) return null;
    const taken = new Set((await tx.allScenarios()).map((r) => r.title));
    const record: LibraryRecord = {
      ...source,
      id: newId(),
      title: uniqueTitle(source.title, taken, copyLabel),
      tags: [...source.tags],
      createdAt: now,
      updatedAt: now,
      baseline: source.data,
      deletedAt: null,
    };
    await tx.putScenario(record);
    for (const book of await tx.loanBooksOf(id)) await tx.putLoanBook({ ...book, id: newId(), scenarioId: record.id, createdAt: now });
    return record;
  });
}

export type MetaPatch = Partial<Pick<LibraryRecord, 'title' | 'description' | 'tags'>>;

/** Changes only the given fields, on the record as it is now (another tab's edits of other fields stay). */
export async function patchMeta(store: LibraryStore, id: string, patch: MetaPatch, now = Date.now()): Promise<boolean> {
  return store.transact(async (tx) => {
    const current = await tx.getScenario(id);
    if (!current) return false;
    const next: LibraryRecord = { ...current, updatedAt: Math.max(now, current.updatedAt + 1) };
    if (patch.title !== undefined) next.title = patch.title.slice(0, 200);
    if (patch.description !== undefined) next.description = patch.description.slice(0, 10_000);
    if (patch.tags !== undefined) next.tags = normaliseTags(patch.tags);
    await tx.putScenario(next);
    return true;
  });
}

/** Tags as typed ("风险, 培训，试点"): trimmed, de-duplicated, at most 30 of 50 characters. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags.flatMap((x) => x.split(/[,，;；]/))) {
    const tag = t.trim().slice(0, 50);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out.slice(0, 30);
}

/** Moves to the trash (soft delete): undo and "restore" bring it back as it was. */
export function moveToTrash(store: LibraryStore, id: string, now = Date.now()): Promise<boolean> {
  return store.transact(async (tx) => {
    const current = await tx.getScenario(id);
    if (!current) return false;
    await tx.putScenario({ ...current, deletedAt: now });
    return true;
  });
}

export function restoreFromTrash(store: LibraryStore, id: string): Promise<boolean> {
  return store.transact(async (tx) => {
    const current = await tx.getScenario(id);
    if (!current) return false;
    await tx.putScenario({ ...current, deletedAt: null });
    return true;
  });
}

/** Deletes a trashed scenario and its loan books for good (the UI confirms first). */
export function deleteForever(store: LibraryStore, id: string): Promise<void> {
  return store.transact(async (tx) => {
    for (const book of await tx.loanBooksOf(id)) await tx.deleteLoanBook(book.id);
    await tx.deleteScenario(id);
  });
}

export interface SaveResult {
  /** What is stored now: mine merged into what another tab may have written meanwhile. */
  merged: Scenario;
  /** Inputs another tab changed to a different value too (mine was kept). */
  conflicts: string[];
  /** False when the record no longer exists (deleted for good): nothing was written. */
  isSaved: boolean;
}

/**
 * Saves an edited scenario into its library record. `synced` is the stored version the edit
 * started from; the store's current version is merged with the edit input by input.
 */
export async function saveScenarioData(store: LibraryStore, id: string, synced: Scenario, mine: Scenario, now = Date.now()): Promise<SaveResult> {
  return store.transact(async (tx) => {
    const current = await tx.getScenario(id);
    if (!current) return { merged: mine, conflicts: [], isSaved: false };
    const stored = validateScenario(current.data);
    // A damaged stored version cannot be merged: the edit replaces it (it was valid when opened).
    const { merged, conflicts } = stored.ok ? mergeScenarios(synced, mine, stored.scenario) : { merged: mine, conflicts: [] };
    await tx.putScenario({ ...current, data: merged, updatedAt: Math.max(now, current.updatedAt + 1) });
    return { merged, conflicts, isSaved: true };
  });
}

/** Makes the record's current inputs its saved version (what "reset to saved" returns to). */
export async function setBaseline(store: LibraryStore, id: string, scenario: Scenario, now = Date.now()): Promise<boolean> {
  return store.transact(async (tx) => {
    const current = await tx.getScenario(id);
    if (!current) return false;
    await tx.putScenario({ ...current, baseline: scenario, updatedAt: Math.max(now, current.updatedAt + 1) });
    return true;
  });
}

/** Adds a loan book to a scenario (the newest book is the one in use). */
export async function addLoanBook(store: LibraryStore, scenarioId: string, name: string, rows: LoanBookRow[], now = Date.now()): Promise<LoanBookRecord> {
  return store.transact(async (tx) => {
    const record: LoanBookRecord = { id: newId(), name: name.slice(0, 200), scenarioId, createdAt: now, rows };
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
    for (const record of records) {
      const e = checkRecord(record);
      if (e.status !== 'ok') {
        skipped.push({ id: record.id, title: record.title });
        continue;
      }
      const books = await tx.loanBooksOf(record.id);
      const book = books[books.length - 1];
      const rows = book ? checkLoanBookRows(book.rows, e.scenario.segments.map((s) => s.key)) : null;
      entries.push({
        id: record.id,
        title: record.title,
        description: record.description,
        tags: record.tags,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        scenario: e.scenario,
        ...(JSON.stringify(e.baseline) !== JSON.stringify(e.scenario) ? { baseline: e.baseline } : {}),
        ...(book && rows?.ok ? { loanBook: { name: book.name, rows: rows.rows } } : {}),
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
  const parsed = parseLibraryData(data);
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
      if (e.loanBook) await tx.putLoanBook({ id: newId(), name: e.loanBook.name, scenarioId: p.id, createdAt: now, rows: e.loanBook.rows });
    }
    return plan.map((p) => ({ id: p.id, title: p.title, isCopy: p.isCopy }));
  });
  return { ok: true, imported };
}
