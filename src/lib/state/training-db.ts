/**
 * The database the training views read and write (progress, attempts, packs, team results): the
 * app's IndexedDB, opened on first use; null where IndexedDB is unavailable (then progress lives
 * in memory only and the views say so). A test may set its own.
 */
import { MixLabDatabase } from '../db/database';

let shared: MixLabDatabase | null | undefined;

export function trainingDb(): MixLabDatabase | null {
  if (shared === undefined) {
    try {
      shared = typeof indexedDB === 'undefined' ? null : new MixLabDatabase();
    } catch {
      shared = null;
    }
  }
  return shared;
}

export function setTrainingDb(db: MixLabDatabase | null): void {
  shared = db;
}
