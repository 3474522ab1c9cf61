/**
 * The scenario being edited, its latest evaluation and its persistence, as one rune class.
 * Dependencies point one way: views → state → (db, engine client) → model.
 */
import { cloneScenario, demoScenario, pyramidScenario, rebalanceMix, writePath, type Evaluation, type Scenario, type ValidationProblem } from '../model';
import type { MixLabDatabase } from '../db/database';
import { loadWorkspace, quarantineWorkspace, saveWorkspace, type WorkspaceBase } from '../db/workspace-repo';
import type { EngineClient } from '../workers/engine-client';

export type StorageStatus = 'loading' | 'ready' | 'unavailable';
export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'error';

const SAVE_DELAY_MS = 150;

export class Workspace {
  scenario = $state.raw<Scenario>(cloneScenario(demoScenario));
  base = $state.raw<WorkspaceBase>({ kind: 'builtin', name: 'demo' });
  scenarioId = $state<string | null>(null);
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

  #engine: EngineClient;
  #db: MixLabDatabase | null;
  #requested = 0;
  #applied = 0;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(engine: EngineClient, db: MixLabDatabase | null) {
    this.#engine = engine;
    this.#db = db;
  }

  /** Restores the saved workspace (or starts on the demo bank) and evaluates it. */
  async init(): Promise<void> {
    if (!this.#db) {
      this.storage = 'unavailable';
    } else {
      try {
        await this.#db.open();
        const loaded = await loadWorkspace(this.#db);
        if (loaded.status === 'ok') {
          this.scenario = loaded.scenario;
          this.base = loaded.base;
          this.scenarioId = loaded.scenarioId;
        } else if (loaded.status === 'damaged') {
          this.damaged = loaded.problems;
          await quarantineWorkspace(this.#db);
        }
        this.storage = 'ready';
      } catch {
        this.storage = 'unavailable';
      }
    }
    await this.#evaluate();
  }

  /** Replaces the scenario being edited; evaluates it and saves it shortly after. */
  update(next: Scenario): void {
    this.scenario = next;
    void this.#evaluate();
    this.#scheduleSave();
  }

  /** Sets one input by its path (`segments.2.markup`, `market.lpr1y`). */
  setInput(path: string, value: unknown): void {
    this.update(writePath(this.scenario, path, value));
  }

  /** Linked mix sliders: set one segment's share; the others rebalance in proportion. */
  setShare(index: number, share: number): void {
    const shares = rebalanceMix(
      this.scenario.segments.map((s) => s.share),
      index,
      share,
    );
    this.update({ ...this.scenario, segments: this.scenario.segments.map((s, i) => ({ ...s, share: shares[i] })) });
  }

  /** Loads a built-in scenario as the new base. */
  loadBuiltin(name: 'demo' | 'pyramid'): void {
    this.base = { kind: 'builtin', name };
    this.scenarioId = null;
    this.update(cloneScenario(name === 'demo' ? demoScenario : pyramidScenario));
  }

  /** Saves now (page hide, tests). */
  async flush(): Promise<void> {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
    }
    await this.#save();
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
    if (this.storage !== 'ready') return;
    this.saveStatus = 'unsaved';
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      void this.#save();
    }, SAVE_DELAY_MS);
  }

  async #save(): Promise<void> {
    if (!this.#db || this.storage !== 'ready') return;
    const scenario = this.scenario;
    this.saveStatus = 'saving';
    try {
      await saveWorkspace(this.#db, scenario, this.base, this.scenarioId);
      if (this.scenario === scenario) this.saveStatus = 'saved';
    } catch {
      // Quota or a closed database: keep working in memory and say so.
      this.saveStatus = 'error';
    }
  }
}
