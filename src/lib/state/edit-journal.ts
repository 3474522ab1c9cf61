/**
 * The last edits of a closing page, written synchronously. An IndexedDB write started in
 * `pagehide` is not reliably committed (the browser tears the page down while the transaction is
 * still in flight), so the pending scenario also goes to localStorage, which the browser keeps.
 * On the next load an entry newer than the saved record is merged back in and saved, then cleared.
 *
 * The tab's own starting point (which workspace record it had open) is kept in sessionStorage,
 * which survives a reload of that tab only: a reload reopens what this tab was editing, not what
 * another tab opened last.
 */
import { validateScenario, type Scenario } from '../model';
import type { WorkspaceBase } from '../db/workspace-repo';

const JOURNAL_PREFIX = 'tong-mix-lab.journal.';
const TAB_KEY = 'tong-mix-lab.workspace-key';

export interface JournalEntry {
  key: string;
  base: WorkspaceBase;
  /** The pending scenario. */
  data: Scenario;
  /** The stored version it was edited from (the merge base), if known. */
  synced: Scenario | null;
  at: number;
}

export interface EditStores {
  local: Storage | null;
  session: Storage | null;
}

/** The page's storages; null where the browser (or a test) has none or refuses access. */
export function browserStores(): EditStores {
  const get = (name: 'localStorage' | 'sessionStorage'): Storage | null => {
    try {
      return (globalThis as unknown as Record<string, Storage | undefined>)[name] ?? null;
    } catch {
      return null; // access denied (some privacy settings throw)
    }
  };
  return { local: get('localStorage'), session: get('sessionStorage') };
}

export function writeJournal(store: Storage | null, entry: JournalEntry): void {
  try {
    store?.setItem(JOURNAL_PREFIX + entry.key, JSON.stringify(entry));
  } catch {
    // full or refused: the throttled IndexedDB save is the only copy
  }
}

/** The journal entry of a record, validated; null if there is none or it does not pass. */
export function readJournal(store: Storage | null, key: string): JournalEntry | null {
  let raw: string | null = null;
  try {
    raw = store?.getItem(JOURNAL_PREFIX + key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const e = JSON.parse(raw) as Partial<JournalEntry>;
    const data = validateScenario(e.data);
    const synced = e.synced == null ? null : validateScenario(e.synced);
    if (!data.ok || typeof e.at !== 'number' || !e.base || (synced && !synced.ok)) return null;
    return { key, base: e.base, data: data.scenario, synced: synced?.ok ? synced.scenario : null, at: e.at };
  } catch {
    return null;
  }
}

/** Clears a record's journal once a save of everything up to `upTo` has been committed. */
export function clearJournal(store: Storage | null, key: string, upTo: number): void {
  try {
    const raw = store?.getItem(JOURNAL_PREFIX + key);
    if (!raw) return;
    const at = (JSON.parse(raw) as { at?: unknown }).at;
    if (typeof at !== 'number' || at <= upTo) store?.removeItem(JOURNAL_PREFIX + key);
  } catch {
    // left for the next load, where it is merged harmlessly
  }
}

export function rememberTabKey(store: Storage | null, key: string): void {
  try {
    store?.setItem(TAB_KEY, key);
  } catch {
    // a new tab then opens the most recent record
  }
}

export function tabKey(store: Storage | null): string | null {
  try {
    return store?.getItem(TAB_KEY) ?? null;
  } catch {
    return null;
  }
}
