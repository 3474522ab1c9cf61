/**
 * The scenario being edited, its latest evaluation and its persistence, as one rune class.
 * Dependencies point one way: views → state → (db, engine client) → model.
 *
 * Evaluation: the closed form (`evaluate`, about 15 µs for the demo bank) runs here, on the page's
 * thread, at every edit: the dashboard's figures follow a key press with no worker round trip.
 * The heavy work (loss distributions, design grid, Monte Carlo) stays in the workers.
 *
 * History: an `UndoHistory` of scenarios; a run of edits of the same input within a second
 * (typing "40", dragging a slider) is one step. Opening another scenario starts a new history.
 *
 * Library: a workspace opened from the library (`scenarioId`) autosaves into that record too,
 * merged input by input with what another tab may have written (`saveScenarioData`), and follows
 * that record live, so two tabs editing one scenario see each other's edits and lose none.
 *
 * Workspace record: one per starting point (`workspaceKey`), shared by the tabs on it and merged
 * input by input the same way, so two tabs on the demo keep both tabs' edits; the tab whose value
 * of an input was replaced is told, as is the tab whose value was kept.
 *
 * Saving: at most every SAVE_INTERVAL_MS while editing (a throttle: a continuous drag is saved as
 * it goes, not after it stops), and synchronously into a journal when the page is hidden or
 * closed (`saveOnPageHide`), since an IndexedDB write started then may never commit.
 */
// The model's modules one by one, not its index: the page's first chunk carries only what the
// workspace runs here (the closed form, the inputs, the merge), not the Monte Carlo or design engines.
import { cloneScenario, demoScenario, pyramidScenario } from '../model/demo';
import { jsonEqual, linkedPaths, mergeScenarios } from '../model/diff';
import { evaluateClosedForm, type Evaluation } from '../model/closed-form';
import { readPath, writePath } from '../model/inputs';
import { rebalanceMix } from '../model/levers';
import type { Scenario } from '../model/scenario';
import { validateScenario, type ValidationProblem } from '../model/validate';
import type { MixLabDatabase } from '../db/database';
import { createDexieStore, createMemoryStore, isQuotaError, type LibraryRecord, type LibraryStore } from '../db/library-store';
import { createScenario, newId, saveScenarioData, setBaseline } from '../db/library-records';
import { isConflictMark, loadWorkspace, quarantineWorkspace, saveWorkspace, workspaceKey, type WorkspaceBase } from '../db/workspace-repo';
import type { WorkspaceRecord } from '../db/database';
import { i18n } from '../i18n/i18n.svelte';
import type { EngineClient } from '../workers/engine-client';
import { describeError } from './errors';
import { UndoHistory } from './undo-history';
import { browserStores, clearJournal, readJournal, rememberTabKey, tabKey, writeJournal, type EditStores } from './edit-journal';
import { liveQuery } from 'dexie';

export type StorageStatus = 'loading' | 'ready' | 'unavailable';
export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'error';

/** While editing, a save at most this often (a continuous drag is saved as it goes). */
export const SAVE_INTERVAL_MS = 300;
/** Edits of the same input closer together than this are one undo step. */
const COALESCE_MS = 1000;
const HISTORY_LIMIT = 200;

export class Workspace {
  scenario = $state.raw<Scenario>(cloneScenario(demoScenario));
  base = $state.raw<WorkspaceBase>({ kind: 'builtin', name: 'demo' });
  scenarioId = $state<string | null>(null);
  /** The scenario "reset to saved" returns to and "what did I change?" compares with. */
  baseScenario = $state.raw<Scenario>(cloneScenario(demoScenario));
  /** The latest evaluation applied to the screen. */
  evaluation = $state.raw<Evaluation | null>(null);
  /** The evaluation before it, to mark what changed and in which direction. */
  previousEvaluation = $state.raw<Evaluation | null>(null);
  storage = $state<StorageStatus>('loading');
  saveStatus = $state<SaveStatus>('saved');
  /** Problems found in the saved workspace when it was loaded (it was kept aside, not lost). */
  damaged = $state.raw<ValidationProblem[] | null>(null);
  /** Why the closed form failed on the current inputs (a defect, never a slow worker). */
  engineError = $state<string | null>(null);
  /** Undo and redo depth, for the buttons. */
  undoDepth = $state(0);
  redoDepth = $state(0);
  /** Inputs another tab changed too, to a different value, in the last merge (this tab's value was kept). */
  conflicts = $state.raw<string[]>([]);
  /** Inputs whose value in this tab another tab's later save replaced (its value is shown now). */
  conflictsLost = $state.raw<string[]>([]);
  /** Why the last save failed: the disk is full, or storage refused the write. */
  saveError = $state<'quota' | 'failed' | null>(null);
  /** The open library record was found damaged; the edits were saved as a new scenario with this title. */
  recoveredAs = $state.raw<{ damagedTitle: string; title: string } | null>(null);
  /**
   * Another tab upgraded the database: this tab's connection is closed and it writes nothing more
   * there; what is on screen stays, and edits go to the journal, merged in after the reload.
   */
  isStorageReplaced = $state(false);
  /** The open library record's title as stored (followed live), or null on a built-in starting point. */
  libraryTitle = $state<string | null>(null);
  /** Where the library lives: IndexedDB, or memory when storage is unavailable or full. */
  library = $state.raw<LibraryStore>(createMemoryStore());

  /** The engine worker, for the heavy calls views make on this scenario. */
  readonly engine: EngineClient;
  #db: MixLabDatabase | null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #lastSaveAt = 0;
  /** Saves started and not finished (they run one after another). */
  #queuedSaves = 0;
  #stores: EditStores;
  /** This page's id in conflict marks. */
  #tab = newId();
  /** The workspace record's scenario as last read or written by this tab (its merge base). */
  #wsSynced: Scenario | null = null;
  /** A record this tab's first save replaces (the legacy shared record). */
  #replacesKey: string | null = null;
  #unobserveWs: (() => void) | null = null;
  /** The newest conflict mark already reported (or already there when the record was opened). */
  #seenConflictAt = 0;
  /** Inputs where a remote merge kept this tab's value: the next save marks them for the other tab. */
  #keptOverRemote: string[] = [];
  #history = new UndoHistory<Scenario>(HISTORY_LIMIT, COALESCE_MS);
  /** The library record's scenario as last read or written by this tab (the merge base). */
  #synced: Scenario | null = null;
  #unobserve: (() => void) | null = null;
  #saving: Promise<void> = Promise.resolve();

  constructor(engine: EngineClient, db: MixLabDatabase | null, stores: EditStores = browserStores()) {
    this.engine = engine;
    this.#db = db;
    this.#stores = stores;
  }

  get canUndo(): boolean {
    return this.undoDepth > 0;
  }

  get canRedo(): boolean {
    return this.redoDepth > 0;
  }

  #settleStorage: () => void = () => {};
  #storageSettled = new Promise<void>((resolve) => (this.#settleStorage = resolve));

  /**
   * Resolves once the library store is final (IndexedDB opened, or memory because it cannot be):
   * a library write before then would land in the interim memory store and vanish at the switch.
   */
  whenStorageSettled(): Promise<void> {
    return this.#storageSettled;
  }

  /** Restores the saved workspace (or starts on the demo bank) and evaluates it. */
  async init(): Promise<void> {
    if (!this.#db) {
      this.storage = 'unavailable';
    } else {
      try {
        await this.#db.open();
        this.library = createDexieStore(this.#db);
        const loaded = await loadWorkspace(this.#db, tabKey(this.#stores.session));
        let localAt = 0;
        if (loaded.status === 'ok') {
          this.scenario = loaded.scenario;
          this.base = loaded.base;
          this.scenarioId = loaded.scenarioId;
          this.baseScenario = builtinOf(loaded.base) ?? loaded.scenario;
          this.#wsSynced = loaded.scenario;
          if (loaded.key !== workspaceKey(loaded.base)) this.#replacesKey = loaded.key;
          localAt = loaded.updatedAt;
        } else {
          if (loaded.status === 'damaged') {
            this.damaged = loaded.problems;
            await quarantineWorkspace(this.#db, loaded.key);
          }
          // The demo as every tab starts it: another tab's first save merges with ours, not under it.
          this.#wsSynced = this.scenario;
        }
        // The edits of the last moments before the page closed, if its last save did not commit.
        const journal = readJournal(this.#stores.local, workspaceKey(this.base));
        const isJournalNewer = !!journal && journal.at > localAt;
        if (journal && isJournalNewer) {
          this.scenario = mergeScenarios(journal.synced ?? this.scenario, journal.data, this.scenario).merged;
          localAt = journal.at;
        }
        this.storage = 'ready';
        if (this.scenarioId) await this.#restoreLibraryLink(this.scenarioId, localAt);
        this.#followWorkspaceRecord();
        if (isJournalNewer) this.#scheduleSave();
      } catch {
        this.storage = 'unavailable';
        this.library = createMemoryStore();
      }
    }
    this.#settleStorage();
    this.#evaluate();
  }

  /** Replaces the scenario being edited (one undo step); evaluates it and saves it shortly after. */
  update(next: Scenario, historyKey: string | null = null): void {
    if (next === this.scenario) return;
    this.#history.record(this.scenario, historyKey, Date.now());
    this.#syncDepth();
    this.#apply(next);
  }

  /** Sets one input by its path (`segments.2.spreadBp`, `market.lpr1y`). */
  setInput(path: string, value: unknown): void {
    this.update(writePath(this.scenario, path, value), path);
  }

  /** Linked mix sliders: set one segment's share; the others rebalance in proportion. */
  setShare(index: number, share: number): void {
    const shares = rebalanceMix(
      this.scenario.segments.map((s) => s.share),
      index,
      share,
    );
    this.update({ ...this.scenario, segments: this.scenario.segments.map((s, i) => ({ ...s, share: shares[i] })) }, `share.${index}`);
  }

  undo(): void {
    const previous = this.#history.undo(this.scenario);
    if (!previous) return;
    this.#syncDepth();
    this.#apply(previous);
  }

  redo(): void {
    const next = this.#history.redo(this.scenario);
    if (!next) return;
    this.#syncDepth();
    this.#apply(next);
  }

  /**
   * Resets one input to its value in `source` (the saved version, or the demo default), together
   * with the inputs that must move with it (the whole mix, a whole tenor profile). One undo step.
   * Segments are matched by key, so the demo default of `segments.3.pd` is found only if the demo
   * has that segment. Returns false when `source` has no such input.
   */
  resetInput(path: string, source: 'saved' | 'default'): boolean {
    const from = this.#sourceScenario(source);
    if (!from) return false;
    let next = this.scenario;
    for (const p of linkedPaths(this.scenario, path)) {
      const value = readPath(from, p);
      if (value === undefined) return false;
      next = writePath(next, p, structuredClone(value));
    }
    this.update(next);
    return true;
  }

  /** Resets every input to the saved version or to the demo bank (keeping the name). One undo step. */
  resetAll(source: 'saved' | 'default'): void {
    const from = source === 'saved' ? this.baseScenario : demoScenario;
    this.update({ ...cloneScenario(from), name: this.scenario.name, description: this.scenario.description });
  }

  /** Whether `resetInput(path, source)` can find the value. */
  canReset(path: string, source: 'saved' | 'default'): boolean {
    const from = this.#sourceScenario(source);
    return !!from && linkedPaths(this.scenario, path).every((p) => readPath(from, p) !== undefined);
  }

  /** Loads a built-in scenario as the new base. */
  loadBuiltin(name: 'demo' | 'pyramid'): void {
    this.#flushPending();
    this.#detachLibrary();
    this.base = { kind: 'builtin', name };
    this.scenarioId = null;
    const scenario = cloneScenario(name === 'demo' ? demoScenario : pyramidScenario);
    this.baseScenario = scenario;
    this.#wsSynced = null; // loading a built-in replaces its record's inputs
    this.#clearHistory();
    this.#apply(scenario);
    this.#followWorkspaceRecord();
  }

  /**
   * Opens a library scenario for editing: its edits autosave into the record; `baseline` is its
   * saved version ("reset to saved", "what did I change?").
   */
  openSaved(id: string, scenario: Scenario, baseline: Scenario): void {
    this.#flushPending();
    this.#detachLibrary();
    this.base = { kind: 'saved', id };
    this.scenarioId = id;
    this.baseScenario = baseline;
    this.#synced = scenario;
    this.#wsSynced = null;
    this.conflicts = [];
    this.conflictsLost = [];
    this.recoveredAs = null;
    this.#clearHistory();
    this.#apply(scenario);
    this.#observeLibrary(id);
    this.#followWorkspaceRecord();
  }

  /** Makes the current inputs the saved version of the library scenario (or of the workspace). */
  async markSaved(): Promise<void> {
    const scenario = this.scenario;
    this.baseScenario = scenario;
    if (this.scenarioId) await setBaseline(this.library, this.scenarioId, scenario);
  }

  /** The library store after a write failed (quota): the app goes on in memory. */
  useLibraryStore(store: LibraryStore): void {
    this.library = store;
    if (this.scenarioId) this.#observeLibrary(this.scenarioId);
  }

  /** The database was upgraded by another tab: stop writing to it, keep the screen, journal the edits. */
  storageReplaced(): void {
    if (this.isStorageReplaced) return;
    const hadPending = this.saveStatus !== 'saved';
    this.isStorageReplaced = true;
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    if (hadPending) this.#journalNow();
  }

  #journalNow(): void {
    writeJournal(this.#stores.local, { key: workspaceKey(this.base), base: this.base, data: this.scenario, synced: this.#wsSynced, at: Date.now() });
  }

  /** Evaluates the scenario again. */
  retryEvaluate(): void {
    this.#evaluate();
  }

  /** Saves now (tests, switching away); resolves when every save so far has committed or failed. */
  async flush(): Promise<void> {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
      await this.#save();
    }
    await this.#saving;
  }

  /**
   * The page is being hidden or closed: writes what is not saved yet into the journal, at once
   * (synchronously), then starts the ordinary save, which may or may not commit before the page goes.
   */
  saveOnPageHide(): void {
    // Always: a save may be queued or in flight, and none of it may commit once the page goes.
    if (this.storage === 'ready') this.#journalNow();
    if (!this.isStorageReplaced) void this.flush();
  }

  #apply(next: Scenario): void {
    this.scenario = next;
    this.#evaluate();
    this.#scheduleSave();
  }

  #syncDepth(): void {
    this.undoDepth = this.#history.undoDepth;
    this.redoDepth = this.#history.redoDepth;
  }

  #clearHistory(): void {
    this.#history.clear();
    this.#syncDepth();
  }

  #sourceScenario(source: 'saved' | 'default'): Scenario | null {
    if (source === 'saved') return this.baseScenario;
    // The demo's segments matched by key (a scenario may order or name its segments differently).
    const byKey = new Map(demoScenario.segments.map((s) => [s.key, s]));
    const segments = this.scenario.segments.map((s) => byKey.get(s.key));
    return { ...demoScenario, segments: segments as Scenario['segments'] };
  }

  async #restoreLibraryLink(id: string, localAt: number): Promise<void> {
    const record = (await this.#db!.scenarios.get(id)) as LibraryRecord | undefined;
    if (!record) return; // deleted for good: the workspace keeps its own copy
    const stored = validateScenario(record.data);
    if (!stored.ok) {
      await this.#recoverDamaged(record);
      return;
    }
    const baseline = record.baseline === undefined ? stored : validateScenario(record.baseline);
    if (baseline.ok) this.baseScenario = baseline.scenario;
    // The newer of the two wins; the other is the merge base, so nothing is lost either way.
    const isWorkspaceNewer = localAt > record.updatedAt;
    this.#synced = stored.scenario;
    if (!isWorkspaceNewer) this.scenario = stored.scenario;
    else if (!jsonEqual(stored.scenario, this.scenario)) this.#scheduleSave();
    this.#observeLibrary(id);
  }

  /**
   * The open library record's stored data is damaged: it is left as it is (for inspection), and
   * the edits on screen are saved as a new, valid scenario that the workspace then follows.
   */
  async #recoverDamaged(record: LibraryRecord): Promise<void> {
    const damagedTitle = typeof record.title === 'string' && record.title ? record.title : i18n.pick(this.scenario.name);
    this.#detachLibrary();
    try {
      const copy = await createScenario(this.library, { title: damagedTitle, scenario: this.scenario, copyLabel: i18n.t('app.recoveredLabel') });
      this.base = { kind: 'saved', id: copy.id };
      this.scenarioId = copy.id;
      this.#synced = this.scenario;
      this.#wsSynced = null;
      this.recoveredAs = { damagedTitle, title: copy.title };
      this.#observeLibrary(copy.id);
      this.#followWorkspaceRecord();
      this.#scheduleSave();
    } catch (e) {
      this.saveStatus = 'error';
      this.saveError = isQuotaError(e) ? 'quota' : 'failed';
    }
  }

  #observeLibrary(id: string): void {
    this.#unobserve?.();
    // A conflict mark already on the record is old news; one written from now on is reported.
    this.#seenConflictAt = Date.now();
    this.#unobserve = this.library.observe(
      (tx) => tx.getScenario(id),
      (record) => this.#onLibraryRecord(id, record),
      () => {},
    );
  }

  #detachLibrary(): void {
    this.#unobserve?.();
    this.#unobserve = null;
    this.#synced = null;
    this.libraryTitle = null;
  }

  /** Another tab (or this one) wrote the library record: merge its inputs into ours. */
  #onLibraryRecord(id: string, record: LibraryRecord | undefined): void {
    if (id === this.scenarioId) this.libraryTitle = typeof record?.title === 'string' ? record.title : null;
    if (!record || id !== this.scenarioId || !this.#synced) return;
    if (record.baseline !== undefined) {
      const b = validateScenario(record.baseline);
      if (b.ok && !jsonEqual(b.scenario, this.baseScenario)) this.baseScenario = b.scenario;
    }
    const stored = validateScenario(record.data);
    if (!stored.ok) {
      // Damaged while open (by another program or tab): keep the edits as a new scenario.
      void this.#recoverDamaged(record);
      return;
    }
    this.#noteConflictMark(record.conflict);
    if (jsonEqual(stored.scenario, this.#synced)) return;
    const base = this.#synced;
    this.#synced = stored.scenario;
    if (this.#mergeRemote(base, stored.scenario)) this.#scheduleSave();
  }

  /**
   * Follows this tab's workspace record (a built-in starting point, shared with other tabs on it):
   * another tab's edits are merged in as they are saved. A library scenario is followed through
   * its library record instead.
   */
  #followWorkspaceRecord(): void {
    this.#unobserveWs?.();
    this.#unobserveWs = null;
    const key = workspaceKey(this.base);
    rememberTabKey(this.#stores.session, key);
    const db = this.#db;
    if (!db || this.storage !== 'ready' || this.base.kind !== 'builtin') return;
    this.#seenConflictAt = Date.now();
    const sub = liveQuery(() => db.workspace.get(key)).subscribe({
      next: (record) => this.#onWorkspaceRecord(key, record),
      error: () => {},
    });
    this.#unobserveWs = () => sub.unsubscribe();
  }

  #onWorkspaceRecord(key: string, record: WorkspaceRecord | undefined): void {
    if (!record || key !== workspaceKey(this.base)) return;
    const stored = validateScenario(record.data);
    if (!stored.ok) return; // the next save keeps it aside and replaces it
    this.#noteConflictMark(record.conflict);
    if (!this.#wsSynced) {
      // Not yet read or written by this tab (a built-in just loaded): ours replaces it at the next save.
      return;
    }
    if (jsonEqual(stored.scenario, this.#wsSynced)) return;
    const base = this.#wsSynced;
    this.#wsSynced = stored.scenario;
    if (this.#mergeRemote(base, stored.scenario)) this.#scheduleSave();
  }

  /** Merges another tab's version into the screen; true when ours still has something to save. */
  #mergeRemote(base: Scenario, theirs: Scenario): boolean {
    const { merged, conflicts } = mergeScenarios(base, this.scenario, theirs);
    // Rebase the history too, so undo takes back this tab's edits and not the other tab's.
    const rebase = (s: Scenario) => mergeScenarios(base, s, theirs).merged;
    this.#history.rebase(rebase);
    if (conflicts.length) {
      this.conflicts = conflicts;
      this.#keptOverRemote = [...new Set([...this.#keptOverRemote, ...conflicts])];
    }
    if (!jsonEqual(merged, this.scenario)) {
      this.scenario = merged;
      this.#evaluate();
    }
    return !jsonEqual(merged, theirs);
  }

  /** Another tab's save replaced this tab's value of some inputs: say which. */
  #noteConflictMark(mark: unknown): void {
    if (!isConflictMark(mark) || mark.at <= this.#seenConflictAt) return;
    this.#seenConflictAt = mark.at;
    if (mark.tab !== this.#tab) this.conflictsLost = mark.paths;
  }

  /** The closed form of the current scenario, synchronously (answers follow edits in order: none is stale). */
  #evaluate(): void {
    try {
      const result = evaluateClosedForm(this.scenario);
      this.previousEvaluation = this.evaluation;
      this.evaluation = result;
      this.engineError = null;
    } catch (e) {
      this.engineError = describeError(e);
    }
  }

  #scheduleSave(): void {
    // In memory (no IndexedDB) a library scenario still saves into the in-memory library.
    if (this.storage !== 'ready' && !(this.scenarioId && this.library.kind === 'memory')) return;
    this.saveStatus = 'unsaved';
    if (this.isStorageReplaced) {
      // The old connection is closed: the journal keeps the edits until the reload.
      this.#journalNow();
      return;
    }
    // A throttle, not a debounce: a save already due is not pushed back by the next edit.
    if (this.#saveTimer) return;
    const wait = Math.max(0, Math.min(SAVE_INTERVAL_MS, this.#lastSaveAt + SAVE_INTERVAL_MS - Date.now()));
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      void this.#save();
    }, wait);
  }

  #save(): Promise<void> {
    // Saves run one after another, so each merges on top of the previous one. The state is taken
    // now: a save still pending when another scenario is opened writes the one it was for.
    this.#lastSaveAt = Date.now();
    this.#queuedSaves++;
    const snapshot: SaveSnapshot = { scenario: this.scenario, id: this.scenarioId, synced: this.#synced, base: this.base, wsSynced: this.#wsSynced };
    this.#saving = this.#saving.then(() => this.#saveNow(snapshot)).finally(() => this.#queuedSaves--);
    return this.#saving;
  }

  /** Writes a pending save now, before the workspace switches to another scenario. */
  #flushPending(): void {
    if (!this.#saveTimer) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    void this.#save();
  }

  async #saveNow(s: SaveSnapshot): Promise<void> {
    const key = workspaceKey(s.base);
    const isCurrent = () => key === workspaceKey(this.base);
    // Still the open scenario: save its latest state (a remote merge may have moved it); else the snapshot.
    const scenario = isCurrent() ? this.scenario : s.scenario;
    const synced = isCurrent() ? this.#synced : s.synced;
    const startedAt = Date.now();
    // Conflicts this tab resolved when the other tab's save came in: the other tab is told through the mark.
    const kept = isCurrent() ? this.#keptOverRemote : [];
    if (isCurrent()) this.#keptOverRemote = [];
    this.saveStatus = 'saving';
    try {
      if (s.id && synced) {
        const result = await saveScenarioData(this.library, s.id, synced, scenario, Date.now(), this.#tab, kept);
        if (result.isDamaged && isCurrent()) {
          const record = await this.library.transact((tx) => tx.getScenario(s.id!));
          if (record) await this.#recoverDamaged(record);
          return;
        }
        if (result.isSaved && isCurrent()) {
          this.#synced = result.merged;
          if (result.conflicts.length) this.conflicts = result.conflicts;
          this.#showMerged(scenario, result.merged);
        }
      }
      if (this.#db && this.storage === 'ready') {
        const mine = isCurrent() ? this.scenario : s.scenario;
        const saved = await saveWorkspace(this.#db, {
          base: s.base,
          synced: isCurrent() ? this.#wsSynced : s.wsSynced,
          mine,
          tab: this.#tab,
          replaces: this.#replacesKey,
          kept,
        });
        this.#replacesKey = null;
        if (isCurrent()) {
          this.#wsSynced = saved.merged;
          if (saved.conflicts.length) this.conflicts = saved.conflicts;
          this.#showMerged(mine, saved.merged);
        }
        clearJournal(this.#stores.local, key, startedAt);
      }
      this.saveError = null;
      // "Saved" only when no save is due or waiting behind this one.
      if (!this.#saveTimer && this.#queuedSaves <= 1) this.saveStatus = 'saved';
    } catch (e) {
      // Quota or a closed database: keep working in memory and say which.
      this.saveStatus = 'error';
      this.saveError = isQuotaError(e) ? 'quota' : 'failed';
    }
  }

  /** Another tab's edits of other inputs came in with a save's merge: show them (unless the user edited since). */
  #showMerged(saved: Scenario, merged: Scenario): void {
    if (this.scenario === saved && !jsonEqual(merged, saved)) {
      this.scenario = merged;
      this.#evaluate();
    }
  }
}

interface SaveSnapshot {
  scenario: Scenario;
  id: string | null;
  synced: Scenario | null;
  base: WorkspaceBase;
  wsSynced: Scenario | null;
}

function builtinOf(base: WorkspaceBase): Scenario | null {
  if (base.kind !== 'builtin') return null;
  return cloneScenario(base.name === 'pyramid' ? pyramidScenario : demoScenario);
}
