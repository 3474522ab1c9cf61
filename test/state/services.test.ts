import { afterEach, describe, expect, it } from 'vitest';
import { MixLabDatabase, openDatabase } from '../../src/lib/db/database';
import { engineForViews } from '../../src/lib/state/engine-access';
import { createServices, pageServices, setPageServices } from '../../src/lib/state/services';
import { trainingDb } from '../../src/lib/state/training-db';
import { TrainingStore } from '../../src/lib/state/training-store';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';

let n = 0;
afterEach(() => setPageServices(null));

describe('the page services', () => {
  it('open one database connection, on first use, shared by every reader', () => {
    const services = createServices({ engine: createInProcessEngine() });
    const db = services.database;
    expect(db).toBeInstanceOf(MixLabDatabase);
    expect(services.database).toBe(db);
    setPageServices(services);
    expect(pageServices().database).toBe(db);
    expect(trainingDb()).toBe(db);
    db?.close();
  });

  it('use the engines given, the view engine being the dashboard engine unless another is given', () => {
    const engine = createInProcessEngine();
    expect(createServices({ database: null, engine }).viewEngine).toBe(engine);
    const other = createInProcessEngine();
    expect(createServices({ database: null, engine, viewEngine: other }).viewEngine).toBe(other);
  });

  it('the views reach the page services’ view engine', () => {
    const engine = createInProcessEngine();
    setPageServices(createServices({ database: null, engine }));
    expect(engineForViews()).toBe(engine);
  });

  it('the database opener gives null where IndexedDB is unavailable', () => {
    const saved = globalThis.indexedDB;
    try {
      // @ts-expect-error: a browser without IndexedDB
      delete globalThis.indexedDB;
      expect(openDatabase('no-idb')).toBeNull();
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('the training store', () => {
  it('keeps progress and attempts in the database', async () => {
    const store = new TrainingStore(new MixLabDatabase(`training-store-${Date.now()}-${n++}`));
    expect(store.isPersistent).toBe(true);
    await store.saveProgress('concrete-mix', 'completed', 1);
    expect((await store.loadProgress())['concrete-mix']?.status).toBe('completed');
    expect(await store.addAttempt({ challengeId: 'c1', packId: null, team: null, score: 70, detail: { stars: 2, figures: {}, weights: {} } })).toBe(true);
    await store.addAttempt({ challengeId: 'c1', packId: null, team: null, score: 85, detail: { stars: 3, figures: {}, weights: {} } });
    expect((await store.attemptsFor('c1', null, null)).map((a) => a.score).sort()).toEqual([70, 85]);
    expect((await store.bestAttempts(null, null)).c1?.score).toBe(85);
  });

  it('without a database (no IndexedDB) reads nothing and keeps nothing, and says so', async () => {
    const store = new TrainingStore(null);
    expect(store.isPersistent).toBe(false);
    await store.saveProgress('concrete-mix', 'completed', 1);
    expect(await store.loadProgress()).toEqual({});
    expect(await store.addAttempt({ challengeId: 'c1', packId: null, team: null, score: 70, detail: { stars: 2, figures: {}, weights: {} } })).toBe(false);
    expect(await store.attemptsFor('c1', null, null)).toEqual([]);
    expect(await store.bestAttempts(null, null)).toEqual({});
    expect(await store.loadPacks()).toEqual([]);
    expect(await store.loadPack('p')).toBeNull();
    expect(await store.loadTeamResults(null)).toEqual([]);
    await expect(store.importTeamResults({} as never)).rejects.toThrow(/no database/);
  });
});
