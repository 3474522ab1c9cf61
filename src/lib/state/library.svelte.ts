/**
 * The scenario library as a rune class: the records follow the store live (Dexie's liveQuery, so
 * another tab's edits appear here), and every operation is one transaction. When a write fails
 * because storage is full, the library moves to memory with everything it holds, retries the
 * write there and says so: the app keeps working and nothing on screen is lost.
 */
import { cloneScenario, demoScenario, jsonEqual, pyramidScenario, type Scenario } from '../model';
import type { LoanBookRecord } from '../db/database';
import { createMemoryStore, isQuotaError, type LibraryRecord, type LibraryStore } from '../db/library-store';
import {
  byUpdated,
  checkRecord,
  createScenario,
  deleteForever,
  duplicateScenario,
  moveToTrash,
  newId,
  patchMeta,
  restoreFromTrash,
  saveScenarioData,
  type LibraryEntry,
  type MetaPatch,
} from '../db/library-records';
import { addLoanBook, deleteLoanBook, exportLibrary, exportOne, importParsed, type ExportOutcome, type ImportOutcome } from '../db/library-repo';
import type { LoanBookColumns } from '../io/loan-book-columns';
import type { ParsedImport } from '../io/library-file';
import { engineForViews } from './engine-access';
import { describeError } from './errors';
import type { Workspace } from './workspace.svelte';

// What the library views read of a record: the checked entry, tags as stored, the import's outcome.
export { checkRecord, normaliseTags, type LibraryEntry } from '../db/library-records';
export { type ImportOutcome } from '../db/library-repo';
export type { LoanBookRecord } from '../db/database';

export type WriteWarning = 'quota' | 'failed' | null;

export class Library {
  /** Every record, newest edit first, checked (damaged ones flagged); the trash included. */
  entries = $state.raw<LibraryEntry[]>([]);
  /** Ids of scenarios that have a loan book. */
  bookOwners = $state.raw<ReadonlySet<string>>(new Set());
  isLoading = $state(true);
  readError = $state<string | null>(null);
  writeWarning = $state<WriteWarning>(null);
  writeError = $state<string | null>(null);
  /** How far the file being imported has been checked (0..1), or null. */
  importProgress = $state<number | null>(null);
  /** Scenarios moved to the trash in this session, newest first, for "undo". */
  recentlyDeleted = $state.raw<{ id: string; title: string }[]>([]);

  #workspace: Workspace;
  #unsubscribe: (() => void)[] = [];
  #connectedTo: LibraryStore | null = null;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
  }

  get store(): LibraryStore {
    return this.#workspace.library;
  }

  get active(): LibraryEntry[] {
    return this.entries.filter((e) => !e.record.deletedAt);
  }

  get trash(): LibraryEntry[] {
    return this.entries.filter((e) => !!e.record.deletedAt);
  }

  /** Follows the store (again after it changed). Idempotent. */
  connect(): void {
    const store = this.store;
    if (this.#connectedTo === store) return;
    this.disconnect();
    this.#connectedTo = store;
    this.#unsubscribe.push(
      store.observe(
        async (tx) => (await tx.allScenarios()).sort(byUpdated),
        (records: LibraryRecord[]) => {
          this.entries = records.map(checkRecord);
          this.isLoading = false;
          this.readError = null;
        },
        (e) => {
          this.readError = String(e);
          this.isLoading = false;
        },
      ),
      store.observe(
        (tx) => tx.loanBookOwners(),
        (ids) => (this.bookOwners = new Set(ids)),
      ),
    );
  }

  disconnect(): void {
    for (const u of this.#unsubscribe) u();
    this.#unsubscribe = [];
    this.#connectedTo = null;
  }

  /**
   * Runs a write. On a quota error the library moves to memory (seeded with what it holds) and the
   * write is retried there; any other failure is reported and nothing was written.
   */
  async write<T>(op: (store: LibraryStore) => Promise<T>): Promise<T | undefined> {
    await this.#workspace.whenStorageSettled();
    try {
      const result = await op(this.store);
      this.writeError = null;
      return result;
    } catch (e) {
      if (isQuotaError(e) && this.store.kind === 'indexeddb') {
        await this.#moveToMemory();
        this.writeWarning = 'quota';
        try {
          return await op(this.store);
        } catch (again) {
          this.writeError = String(again);
          return undefined;
        }
      }
      this.writeWarning = 'failed';
      this.writeError = e instanceof Error ? e.message : String(e);
      return undefined;
    }
  }

  async #moveToMemory(): Promise<void> {
    const old = this.store;
    let scenarios: LibraryRecord[] = this.entries.map((e) => e.record);
    let loanBooks: LoanBookRecord[] = [];
    try {
      // Reads still work when the disk is full: take the loan books along.
      const read = await old.transact(async (tx) => {
        const all = await tx.allScenarios();
        const books = (await Promise.all(all.map((r) => tx.loanBooksOf(r.id)))).flat();
        return { all, books };
      });
      scenarios = read.all;
      loanBooks = read.books;
    } catch {
      // keep what is on screen
    }
    this.#workspace.useLibraryStore(createMemoryStore({ scenarios, loanBooks }));
    this.connect();
  }

  /** A new scenario from a template (title in the UI language). */
  create(scenario: Scenario, title: string, copyLabel: string, extra: { description?: string; tags?: string[] } = {}): Promise<LibraryRecord | undefined> {
    return this.write((s) => createScenario(s, { title, scenario, copyLabel, ...extra }));
  }

  duplicate(id: string, copyLabel: string) {
    return this.write((s) => duplicateScenario(s, id, copyLabel));
  }

  patch(id: string, patch: MetaPatch) {
    return this.write((s) => patchMeta(s, id, patch));
  }

  async trashScenario(id: string): Promise<void> {
    const entry = this.entries.find((e) => e.record.id === id);
    const ok = await this.write((s) => moveToTrash(s, id));
    if (ok && entry) this.recentlyDeleted = [{ id, title: entry.record.title }, ...this.recentlyDeleted.filter((d) => d.id !== id)].slice(0, 5);
  }

  async undoDelete(id: string): Promise<void> {
    await this.write((s) => restoreFromTrash(s, id));
    this.recentlyDeleted = this.recentlyDeleted.filter((d) => d.id !== id);
  }

  dismissDeleted(id: string): void {
    this.recentlyDeleted = this.recentlyDeleted.filter((d) => d.id !== id);
  }

  restore(id: string) {
    return this.undoDelete(id);
  }

  purge(id: string) {
    return this.write((s) => deleteForever(s, id));
  }

  /**
   * Imports a file's text; nothing is written unless the whole file is valid. The file is parsed
   * and validated in the engine worker (a large file never blocks the page), with `importProgress`
   * following it.
   */
  async importText(text: string, copyLabel: string): Promise<ImportOutcome> {
    this.importProgress = 0;
    let parsed: ParsedImport;
    try {
      parsed = await engineForViews().parseLibraryText(text, (f) => (this.importProgress = f));
    } catch (e) {
      return { ok: false, problems: [{ path: '', message: { zh: `读取文件失败：${describeError(e)}`, en: `reading the file failed: ${describeError(e)}` } }] };
    } finally {
      this.importProgress = null;
    }
    const outcome = await this.write((s) => importParsed(s, parsed, copyLabel));
    return (
      outcome ?? {
        ok: false,
        isWriteError: true,
        problems: [{ path: '', message: { zh: '写入失败，未导入任何内容', en: 'writing failed, nothing was imported' } }],
      }
    );
  }

  /**
   * The whole library, with the dashboard's current edits in it: the open scenario's entry carries
   * what is on screen (a save may have failed, a disk may be full), and edits of a built-in bank
   * come as one more entry titled `currentTitle`.
   */
  async exportAll(currentTitle: string): Promise<ExportOutcome> {
    const out = await exportLibrary(this.store);
    const ws = this.#workspace;
    const open = ws.scenarioId ? out.file.scenarios.find((e) => e.id === ws.scenarioId) : undefined;
    if (open) {
      if (!jsonEqual(open.scenario, ws.scenario)) {
        open.baseline ??= open.scenario;
        open.scenario = ws.scenario;
      }
    } else if (ws.scenarioId || !jsonEqual(ws.scenario, ws.baseScenario)) {
      const now = Date.now();
      out.file.scenarios.unshift({ id: newId(), title: currentTitle, description: '', tags: [], createdAt: now, updatedAt: now, scenario: ws.scenario });
    }
    return out;
  }

  exportOne(id: string): Promise<ExportOutcome | null> {
    return exportOne(this.store, id);
  }

  addBook(scenarioId: string, name: string, columns: LoanBookColumns) {
    return this.write((s) => addLoanBook(s, scenarioId, name, columns));
  }

  /** One stored loan book whole (its columns read chunk by chunk), or undefined when it is gone. */
  readBook(id: string): Promise<LoanBookRecord | undefined> {
    return this.store.transact((tx) => tx.loanBook(id));
  }

  removeBook(id: string) {
    return this.write((s) => deleteLoanBook(s, id));
  }

  /** Writes new inputs into a record that is not open in the dashboard (merged with the stored version). */
  saveData(id: string, synced: Scenario, next: Scenario) {
    return this.write((s) => saveScenarioData(s, id, synced, next));
  }

  /** Opens a library scenario in the dashboard's workspace. */
  open(entry: LibraryEntry & { status: 'ok' }): void {
    this.#workspace.openSaved(entry.record.id, entry.scenario, entry.baseline);
  }
}

const libraries = new WeakMap<Workspace, Library>();

/** The one library of a workspace (the app has one workspace; tests make their own). */
export function libraryFor(workspace: Workspace): Library {
  let lib = libraries.get(workspace);
  if (!lib) {
    lib = new Library(workspace);
    libraries.set(workspace, lib);
  }
  lib.connect();
  return lib;
}

/** The built-in starting points of a new scenario. */
export type Template = 'demo' | 'pyramid' | 'blank';

/**
 * A blank scenario: the demo bank's market and balance sheet and its three tiers of clients, with
 * an even mix (⅓ each), every loan priced at LPR (no 上浮/下浮), no target mix and no stress. Every
 * input must hold a valid number, so "blank" is a neutral start to type one's own bank into, not
 * zeros (a zero book would not pass validation and would show nothing).
 */
export function blankScenario(): Scenario {
  const s = cloneScenario(demoScenario);
  return {
    ...s,
    name: { zh: '空白情景', en: 'Blank scenario' },
    description: { zh: '', en: '' },
    segments: s.segments.map((seg) => ({ ...seg, share: 1 / 3, spreadBp: 0, marketSpreadBp: 0 })),
    levers: { ...s.levers, targetMix: null },
  };
}

export function templateScenario(t: Template): Scenario {
  if (t === 'demo') return cloneScenario(demoScenario);
  if (t === 'pyramid') return cloneScenario(pyramidScenario);
  return blankScenario();
}
