/**
 * The scenario being edited, its latest evaluation and its persistence, as one rune class.
 * Dependencies point one way: views → state → (db, engine client) → model.
 *
 * History: every edit pushes the previous scenario on an undo stack (structural sharing keeps a
 * snapshot cheap); a run of edits of the same input within a second (typing "40", dragging a
 * slider) is one step. Opening another scenario starts a new history.
 *
 * Library: a workspace opened from the library (`scenarioId`) autosaves into that record too,
 * merged input by input with what another tab may have written (`saveScenarioData`), and follows
 * that record live, so two tabs editing one scenario see each other's edits and lose none.
 */
import {
  cloneScenario,
  demoScenario,
  jsonEqual,
  linkedPaths,
  mergeScenarios,
  pyramidScenario,
  readPath,
  rebalanceMix,
  validateScenario,
  writePath,
  type Evaluation,
  type Scenario,
  type ValidationProblem,
} from '../model';
import type { MixLabDatabase } from '../db/database';
import { createDexieStore, createMemoryStore, type LibraryRecord, type LibraryStore } from '../db/library-store';
import { saveScenarioData, setBaseline } from '../db/library-repo';
import { loadWorkspace, quarantineWorkspace, saveWorkspace, type WorkspaceBase } from '../db/workspace-repo';
import type { EngineClient } from '../workers/engine-client';

export type StorageStatus = 'loading' | 'ready' | 'unavailable';
export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'error';

const SAVE_DELAY_MS = 150;
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
  engineError = $state<string | null>(null);
  isComputing = $state(false);
  /** Undo and redo depth, for the buttons. */
  undoDepth = $state(0);
  redoDepth = $state(0);
  /** Inputs another tab changed too, to a different value, in the last merge (this tab's value was kept). */
  conflicts = $state.raw<string[]>([]);
  /** Where the library lives: IndexedDB, or memory when storage is unavailable or full. */
  library = $state.raw<LibraryStore>(createMemoryStore());

  #engine: EngineClient;
  #db: MixLabDatabase | null;
  #requested = 0;
  #applied = 0;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #undo: Scenario[] = [];
  #redo: Scenario[] = [];
  #lastKey: string | null = null;
  #lastAt = 0;
  /** The library record's scenario as last read or written by this tab (the merge base). */
  #synced: Scenario | null = null;
  #unobserve: (() => void) | null = null;
  #saving: Promise<void> = Promise.resolve();

  constructor(engine: EngineClient, db: MixLabDatabase | null) {
    this.#engine = engine;
    this.#db = db;
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
        const loaded = await loadWorkspace(this.#db);
        if (loaded.status === 'ok') {
          this.scenario = loaded.scenario;
          this.base = loaded.base;
          this.scenarioId = loaded.scenarioId;
          this.baseScenario = builtinOf(loaded.base) ?? loaded.scenario;
          if (loaded.scenarioId) await this.#restoreLibraryLink(loaded.scenarioId);
        } else if (loaded.status === 'damaged') {
          this.damaged = loaded.problems;
          await quarantineWorkspace(this.#db);
        }
        this.storage = 'ready';
      } catch {
        this.storage = 'unavailable';
        this.library = createMemoryStore();
      }
    }
    this.#settleStorage();
    await this.#evaluate();
  }

  /** Replaces the scenario being edited (one undo step); evaluates it and saves it shortly after. */
  update(next: Scenario, historyKey: string | null = null): void {
    if (next === this.scenario) return;
    const now = Date.now();
    const isSameRun = historyKey !== null && historyKey === this.#lastKey && now - this.#lastAt < COALESCE_MS && this.#undo.length > 0;
    if (!isSameRun) {
      this.#undo.push(this.scenario);
      if (this.#undo.length > HISTORY_LIMIT) this.#undo.shift();
    }
    this.#redo = [];
    this.#lastKey = historyKey;
    this.#lastAt = now;
    this.#syncDepth();
    this.#apply(next);
  }

  /** Sets one input by its path (`segments.2.markup`, `market.lpr1y`). */
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
    const previous = this.#undo.pop();
    if (!previous) return;
    this.#redo.push(this.scenario);
    this.#lastKey = null;
    this.#syncDepth();
    this.#apply(previous);
  }

  redo(): void {
    const next = this.#redo.pop();
    if (!next) return;
    this.#undo.push(this.scenario);
    this.#lastKey = null;
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
    this.#clearHistory();
    this.#apply(scenario);
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
    this.conflicts = [];
    this.#clearHistory();
    this.#apply(scenario);
    this.#observeLibrary(id);
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

  /** Saves now (page hide, tests). */
  async flush(): Promise<void> {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
      await this.#save();
    }
    await this.#saving;
  }

  #apply(next: Scenario): void {
    this.scenario = next;
    void this.#evaluate();
    this.#scheduleSave();
  }

  #syncDepth(): void {
    this.undoDepth = this.#undo.length;
    this.redoDepth = this.#redo.length;
  }

  #clearHistory(): void {
    this.#undo = [];
    this.#redo = [];
    this.#lastKey = null;
    this.#syncDepth();
  }

  #sourceScenario(source: 'saved' | 'default'): Scenario | null {
    if (source === 'saved') return this.baseScenario;
    // The demo's segments matched by key (a scenario may order or name its segments differently).
    const byKey = new Map(demoScenario.segments.map((s) => [s.key, s]));
    const segments = this.scenario.segments.map((s) => byKey.get(s.key));
    return { ...demoScenario, segments: segments as Scenario['segments'] };
  }

  async #restoreLibraryLink(id: string): Promise<void> {
    const record = (await this.#db!.scenarios.get(id)) as LibraryRecord | undefined;
    const workspaceRecord = await this.#db!.workspace.get('current');
    if (!record) return; // deleted for good: the workspace keeps its own copy
    const stored = validateScenario(record.data);
    const baseline = record.baseline === undefined ? stored : validateScenario(record.baseline);
    if (baseline.ok) this.baseScenario = baseline.scenario;
    if (stored.ok) {
      // The newer of the two wins; the other is the merge base, so nothing is lost either way.
      const isWorkspaceNewer = (workspaceRecord?.updatedAt ?? 0) > record.updatedAt;
      this.#synced = stored.scenario;
      if (!isWorkspaceNewer) this.scenario = stored.scenario;
      else if (!jsonEqual(stored.scenario, this.scenario)) this.#scheduleSave();
    }
    this.#observeLibrary(id);
  }

  #observeLibrary(id: string): void {
    this.#unobserve?.();
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
  }

  /** Another tab (or this one) wrote the library record: merge its inputs into ours. */
  #onLibraryRecord(id: string, record: LibraryRecord | undefined): void {
    if (!record || id !== this.scenarioId || !this.#synced) return;
    if (record.baseline !== undefined) {
      const b = validateScenario(record.baseline);
      if (b.ok && !jsonEqual(b.scenario, this.baseScenario)) this.baseScenario = b.scenario;
    }
    const stored = validateScenario(record.data);
    if (!stored.ok || jsonEqual(stored.scenario, this.#synced)) return;
    const theirs = stored.scenario;
    const base = this.#synced;
    const { merged, conflicts } = mergeScenarios(base, this.scenario, theirs);
    // Rebase the history too, so undo takes back this tab's edits and not the other tab's.
    const rebase = (s: Scenario) => mergeScenarios(base, s, theirs).merged;
    this.#undo = this.#undo.map(rebase);
    this.#redo = this.#redo.map(rebase);
    this.#synced = theirs;
    if (conflicts.length) this.conflicts = conflicts;
    if (!jsonEqual(merged, this.scenario)) {
      this.scenario = merged;
      void this.#evaluate();
    }
    if (!jsonEqual(merged, theirs)) this.#scheduleSave();
  }

  async #evaluate(): Promise<void> {
    const seq = ++this.#requested;
    const scenario = this.scenario;
    this.isComputing = true;
    try {
      const result = await this.#engine.evaluate(scenario);
      // Stale results never overwrite newer ones.
      if (seq <= this.#applied) return;
      this.#applied = seq;
      this.previousEvaluation = this.evaluation;
      this.evaluation = result;
      this.engineError = null;
    } catch (e) {
      if (seq >= this.#applied) this.engineError = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.#requested) this.isComputing = false;
    }
  }

  #scheduleSave(): void {
    // In memory (no IndexedDB) a library scenario still saves into the in-memory library.
    if (this.storage !== 'ready' && !(this.scenarioId && this.library.kind === 'memory')) return;
    this.saveStatus = 'unsaved';
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      void this.#save();
    }, SAVE_DELAY_MS);
  }

  #save(): Promise<void> {
    // Saves run one after another, so each merges on top of the previous one. The state is taken
    // now: a save still pending when another scenario is opened writes the one it was for.
    const snapshot = { scenario: this.scenario, id: this.scenarioId, synced: this.#synced, base: this.base };
    this.#saving = this.#saving.then(() => this.#saveNow(snapshot));
    return this.#saving;
  }

  /** Writes a pending save now, before the workspace switches to another scenario. */
  #flushPending(): void {
    if (!this.#saveTimer) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    void this.#save();
  }

  async #saveNow(s: { scenario: Scenario; id: string | null; synced: Scenario | null; base: WorkspaceBase }): Promise<void> {
    const isCurrent = () => s.id === this.scenarioId;
    // Still the open scenario: save its latest state (a remote merge may have moved it); else the snapshot.
    const scenario = isCurrent() ? this.scenario : s.scenario;
    const synced = isCurrent() ? this.#synced : s.synced;
    this.saveStatus = 'saving';
    try {
      if (s.id && synced) {
        const result = await saveScenarioData(this.library, s.id, synced, scenario);
        if (result.isSaved && isCurrent()) {
          this.#synced = result.merged;
          if (result.conflicts.length) this.conflicts = result.conflicts;
          // Another tab's edits of other inputs came in with the merge: show them.
          if (this.scenario === scenario && !jsonEqual(result.merged, scenario)) {
            this.scenario = result.merged;
            void this.#evaluate();
          }
        }
      }
      if (this.#db && this.storage === 'ready') {
        await saveWorkspace(this.#db, isCurrent() ? this.scenario : s.scenario, isCurrent() ? this.base : s.base, isCurrent() ? this.scenarioId : s.id);
      }
      if (!this.#saveTimer) this.saveStatus = 'saved';
    } catch {
      // Quota or a closed database: keep working in memory and say so.
      this.saveStatus = 'error';
    }
  }
}

function builtinOf(base: WorkspaceBase): Scenario | null {
  if (base.kind !== 'builtin') return null;
  return cloneScenario(base.name === 'pyramid' ? pyramidScenario : demoScenario);
}
