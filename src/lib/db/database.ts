/**
 * The IndexedDB schema (Dexie). A released `version(n)` is never edited: a change adds
 * `version(n + 1).stores(...).upgrade(...)` and a test that opens the old version first.
 */
import { Dexie, type EntityTable } from 'dexie';

/** A saved scenario in the library. `data` is validated on every read. */
export interface ScenarioRecord {
  id: string;
  /** Display name, searchable; the scenario's own bilingual name lives in `data`. */
  title: string;
  description: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** The scenario as plain JSON (validated on read: a damaged record is reported, never dropped). */
  data: unknown;
}

/** The scenario being edited on the dashboard, restored on reload. */
export interface WorkspaceRecord {
  key: 'current';
  /** The library scenario it was opened from, if any. */
  scenarioId: string | null;
  /** What "reset" returns to: a built-in or a saved scenario. */
  base: { kind: 'builtin'; name: 'demo' | 'pyramid' } | { kind: 'saved'; id: string };
  data: unknown;
  updatedAt: number;
}

export const DATABASE_NAME = 'tong-mix-lab';

export class MixLabDatabase extends Dexie {
  scenarios!: EntityTable<ScenarioRecord, 'id'>;
  workspace!: EntityTable<WorkspaceRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      scenarios: 'id, title, updatedAt, *tags',
      workspace: 'key',
    });
  }
}
