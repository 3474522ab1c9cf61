/**
 * The scenario library's record operations, each one transaction on a LibraryStore (IndexedDB or memory).
 *
 * Two tabs writing: edits are patches, not whole-record writes. Renaming in one tab and tagging in
 * the other both survive (each writes only its field, inside a transaction that reads the current
 * record). The scenario itself is merged input by input (`mergeScenarios`): edits of different
 * inputs both survive; the same input edited in both is a conflict, the later writer wins and the
 * conflict is reported to the UI. Nothing is ever deleted outright by an edit: delete moves to the
 * trash, from which undo restores. Files and loan books are in library-repo.ts.
 */
import { mergeScenarios, validateScenario, type Scenario, type ValidationProblem } from '../model';
import type { LibraryRecord, LibraryStore } from './library-store';
import { TRANSFER_LIMITS, uniqueTitle } from '../io/limits';

export function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A library record read back and checked: a damaged record is shown as damaged, never dropped.
 * Every field is checked, not only `data`: a record another program (or a bug) wrote with a
 * missing title or tags must not take the whole library down with it. A damaged entry carries a
 * copy of the record that is safe to display (text fields as text, tags as a list), and its
 * scenario when `data` itself passes, so that an export still includes it.
 */
export type LibraryEntry =
  | { status: 'ok'; record: LibraryRecord; scenario: Scenario; baseline: Scenario }
  | { status: 'damaged'; record: LibraryRecord; problems: ValidationProblem[]; scenario?: Scenario };

export function checkRecord(raw: LibraryRecord): LibraryEntry {
  const { record, problems } = checkMeta(raw);
  const checked = validateScenario(raw.data);
  if (!checked.ok) return { status: 'damaged', record, problems: [...problems, ...checked.problems] };
  if (problems.length) return { status: 'damaged', record, problems, scenario: checked.scenario };
  const base = raw.baseline === undefined ? checked : validateScenario(raw.baseline);
  return { status: 'ok', record, scenario: checked.scenario, baseline: base.ok ? base.scenario : checked.scenario };
}

const isText = (x: unknown): x is string => typeof x === 'string';
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The record's fields other than the scenario, checked; the copy returned is safe to display. */
function checkMeta(raw: LibraryRecord): { record: LibraryRecord; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const r = (raw ?? {}) as Partial<Record<keyof LibraryRecord, unknown>>;
  const bad = (path: string, zh: string, en: string) => problems.push({ path, message: { zh, en } });
  if (!isText(r.id) || !r.id) bad('id', '缺少编号', 'missing id');
  if (!isText(r.title)) bad('title', '标题不是文本', 'title is not text');
  if (!isText(r.description)) bad('description', '说明不是文本', 'description is not text');
  if (!Array.isArray(r.tags) || !r.tags.every(isText)) bad('tags', '标签不是文本列表', 'tags are not a list of text');
  if (!isTime(r.createdAt)) bad('createdAt', '创建时间不是数字', 'createdAt is not a number');
  if (!isTime(r.updatedAt)) bad('updatedAt', '修改时间不是数字', 'updatedAt is not a number');
  if (r.deletedAt != null && !isTime(r.deletedAt)) bad('deletedAt', '删除时间不是数字', 'deletedAt is not a number');
  if (!problems.length) return { record: raw, problems };
  const text = (x: unknown) => (isText(x) ? x : x == null ? '' : JSON.stringify(x).slice(0, 200));
  const record: LibraryRecord = {
    ...raw,
    id: isText(r.id) ? r.id : String(r.id),
    title: text(r.title),
    description: text(r.description),
    tags: Array.isArray(r.tags) ? r.tags.filter(isText) : [],
    createdAt: isTime(r.createdAt) ? r.createdAt : 0,
    updatedAt: isTime(r.updatedAt) ? r.updatedAt : 0,
    deletedAt: isTime(r.deletedAt) ? r.deletedAt : null,
  };
  return { record, problems };
}

/** Every record, newest edit first (the trash included; callers filter on `deletedAt`). */
export function listEntries(store: LibraryStore): Promise<LibraryEntry[]> {
  return store.transact(async (tx) => (await tx.allScenarios()).sort(byUpdated).map(checkRecord));
}

/** Newest edit first; tolerant of a damaged record's fields (it must sort, not throw). */
export function byUpdated(a: LibraryRecord, b: LibraryRecord): number {
  return (Number(b.updatedAt) || 0) - (Number(a.updatedAt) || 0) || String(a.title).localeCompare(String(b.title)) || String(a.id).localeCompare(String(b.id));
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
      title: uniqueTitle(input.title.slice(0, TRANSFER_LIMITS.title), taken, input.copyLabel),
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
    if (patch.title !== undefined) next.title = patch.title.slice(0, TRANSFER_LIMITS.title);
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
    for (const book of await tx.loanBookEntriesOf(id)) await tx.deleteLoanBook(book.id);
    await tx.deleteScenario(id);
  });
}

export interface SaveResult {
  /** What is stored now: mine merged into what another tab may have written meanwhile. */
  merged: Scenario;
  /** Inputs another tab changed to a different value too (mine was kept). */
  conflicts: string[];
  /** False when nothing was written: the record no longer exists, or its stored data is damaged. */
  isSaved: boolean;
  /** The stored data does not pass validation: it was left as it is (the caller saves the edits elsewhere). */
  isDamaged?: boolean;
}

/**
 * Saves an edited scenario into its library record. `synced` is the stored version the edit
 * started from; the store's current version is merged with the edit input by input. A conflict
 * leaves a mark (`tab` is the writer) so that the tab whose value was replaced is told. A record
 * whose stored data is damaged is not written (the damaged data is kept for inspection).
 */
export async function saveScenarioData(
  store: LibraryStore,
  id: string,
  synced: Scenario,
  mine: Scenario,
  now = Date.now(),
  tab = '',
  /** Inputs where the writer already kept its value over the other tab's (merged on arrival). */
  kept: readonly string[] = [],
): Promise<SaveResult> {
  return store.transact(async (tx) => {
    const current = await tx.getScenario(id);
    if (!current) return { merged: mine, conflicts: [], isSaved: false };
    const stored = validateScenario(current.data);
    if (!stored.ok) return { merged: mine, conflicts: [], isSaved: false, isDamaged: true };
    const { merged, conflicts } = mergeScenarios(synced, mine, stored.scenario);
    const updatedAt = Math.max(now, (Number(current.updatedAt) || 0) + 1);
    const marked = [...new Set([...kept, ...conflicts])];
    const conflict = marked.length ? { paths: marked, at: updatedAt, tab } : (current.conflict ?? null);
    await tx.putScenario({ ...current, data: merged, updatedAt, conflict });
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
