/**
 * The loan book attached to the scenario open in the workspace (the library's latest book of that
 * scenario, checked like any stored book), and which book the engines run on: the real one
 * ("我行实际贷款") or the one the scenario's inputs generate ("模型生成贷款"). The book stays in
 * IndexedDB on this machine; it is never part of a share link.
 */
import type { LoanBookRecord } from '../db/database';
import type { LoanBookRow } from '../io/loan-book';
import { columnsTotal, rowsFromColumns, type LoanBookColumns } from '../io/loan-book-columns';
import { checkStoredLoanBook } from '../io/stored-loan-book';
import { libraryFor } from './library.svelte';
import type { Workspace } from './workspace.svelte';

export type BookSource = 'real' | 'generated';

/** The switch, shared by every screen (the risk view, the workbench, the print report). */
export const bookChoice = $state<{ source: BookSource }>({ source: 'real' });

export class AttachedBook {
  record = $state.raw<LoanBookRecord | null>(null);
  #workspace: Workspace;

  /** The segment keys as one string: a slider move does not re-check 200,000 rows, a new segment does. */
  #keys: string;
  /** The book checked against the scenario's segments, as columns (what goes to the engine worker); null without a book or when it no longer fits them. */
  columns: LoanBookColumns | null;
  /** The checked book as rows, made only when read (the over-time simulation's input). */
  rows: LoanBookRow[] | null;
  /** Its total exposure, yuan (0 without a checked book). */
  total: number;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
    this.#keys = $derived(workspace.scenario.segments.map((s) => s.key).join('\u0001'));
    this.columns = $derived.by(() => {
      if (!this.record) return null;
      const checked = checkStoredLoanBook(this.record, this.#keys.split('\u0001'));
      return checked.ok ? checked.columns : null;
    });
    this.rows = $derived(this.columns ? rowsFromColumns(this.columns) : null);
    this.total = $derived(this.columns ? columnsTotal(this.columns) : 0);
  }

  /** Follows the workspace's scenario; call inside an $effect (returns the unsubscribe). */
  follow(): () => void {
    const id = this.#workspace.scenarioId;
    if (!id) {
      this.record = null;
      return () => {};
    }
    return libraryFor(this.#workspace).store.observe(
      (tx) => tx.loanBooksOf(id),
      (books) => (this.record = books[books.length - 1] ?? null),
    );
  }

  /** Whether the engines run on the real book now. */
  get isReal(): boolean {
    return bookChoice.source === 'real' && this.columns !== null;
  }

  /** Removes the book from this browser (IndexedDB). */
  async remove(): Promise<void> {
    if (this.record) await libraryFor(this.#workspace).removeBook(this.record.id);
  }
}
