/**
 * The training views' access to their tables (lesson progress, challenge attempts, workshop
 * packs, team results), over the page's one database. Where IndexedDB is unavailable the store
 * has no database: reads give nothing and writes are skipped (the views keep what they need in
 * memory and say so), exactly as the views did when they held the database themselves.
 */
import type { AttemptRecord, LessonProgressRecord, MixLabDatabase } from '../db/database';
import * as repo from '../db/training-repo';
import type { TeamResults, WorkshopPack } from '../training';
import type { Services } from './services';

export type { AttemptRecord, LessonProgressRecord } from '../db/database';
export type { AttemptDetail, ImportOutcome, StoredPack, StoredResults } from '../db/training-repo';

export class TrainingStore {
  readonly #db: MixLabDatabase | null;

  constructor(db: MixLabDatabase | null) {
    this.#db = db;
  }

  /** False where IndexedDB is unavailable: progress and results live in memory only. */
  get isPersistent(): boolean {
    return this.#db !== null;
  }

  loadProgress(): Promise<Record<string, LessonProgressRecord>> {
    return this.#db ? repo.loadProgress(this.#db) : Promise.resolve({});
  }

  async saveProgress(lessonId: string, status: LessonProgressRecord['status'], step: number): Promise<void> {
    if (this.#db) await repo.saveProgress(this.#db, lessonId, status, step);
  }

  /** Records a scored attempt; false where there is no database to keep it. */
  async addAttempt(attempt: Parameters<typeof repo.addAttempt>[1]): Promise<boolean> {
    if (!this.#db) return false;
    await repo.addAttempt(this.#db, attempt);
    return true;
  }

  attemptsFor(challengeId: string, packId: string | null, team: string | null): Promise<AttemptRecord[]> {
    return this.#db ? repo.attemptsFor(this.#db, challengeId, packId, team) : Promise.resolve([]);
  }

  bestAttempts(packId: string | null, team: string | null): Promise<Record<string, AttemptRecord>> {
    return this.#db ? repo.bestAttempts(this.#db, packId, team) : Promise.resolve({});
  }

  async savePack(pack: WorkshopPack): Promise<void> {
    if (this.#db) await repo.savePack(this.#db, pack);
  }

  loadPacks(): Promise<repo.StoredPack[]> {
    return this.#db ? repo.loadPacks(this.#db) : Promise.resolve([]);
  }

  loadPack(id: string): Promise<WorkshopPack | null> {
    return this.#db ? repo.loadPack(this.#db, id) : Promise.resolve(null);
  }

  /** Needs the database (see isPersistent): without one the caller keeps the results in memory. */
  importTeamResults(results: TeamResults): Promise<repo.ImportOutcome> {
    if (!this.#db) return Promise.reject(new Error('training store: no database'));
    return repo.importTeamResults(this.#db, results);
  }

  loadTeamResults(packId: string | null): Promise<repo.StoredResults[]> {
    return this.#db ? repo.loadTeamResults(this.#db, packId) : Promise.resolve([]);
  }

  async removeTeam(packId: string, team: string): Promise<void> {
    if (this.#db) await repo.removeTeam(this.#db, packId, team);
  }
}

const stores = new WeakMap<Services, TrainingStore>();

/**
 * The training store over a page's services (its database), made on first use: the training
 * views' one store, kept out of the services object so the first screen does not load it.
 */
export function trainingStoreOf(services: Services): TrainingStore {
  let store = stores.get(services);
  if (!store) stores.set(services, (store = new TrainingStore(services.database)));
  return store;
}
