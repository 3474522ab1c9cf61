import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { demoScenario, pyramidScenario, validateScenario, type LoanBookRow } from '../../src/lib/model';
import { rowsFromColumns } from '../../src/lib/io/loan-book-columns';
import { checkStoredLoanBook } from '../../src/lib/io/stored-loan-book';
import { createDexieStore } from '../../src/lib/db/library-store';
import { exportLibrary } from '../../src/lib/db/library-repo';

/** Writes a database exactly as version 1 of the schema did (a fixture), then opens it with the app's class. */
async function writeVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores({ scenarios: 'id, title, updatedAt, *tags', workspace: 'key' });
  await v1.open();
  await v1.table('scenarios').bulkPut([
    { id: 'a', title: '倒金字塔', description: 'from v1', tags: ['demo'], createdAt: 1, updatedAt: 1, data: demoScenario },
    // an early v1 record without tags or description
    { id: 'b', title: '正金字塔', createdAt: 2, updatedAt: 2, data: pyramidScenario },
  ]);
  await v1.table('workspace').put({ key: 'current', scenarioId: 'a', base: { kind: 'saved', id: 'a' }, data: demoScenario, updatedAt: 3 });
  v1.close();
}

describe('database upgrades', () => {
  it('v1 → the latest keeps every scenario and the workspace, and fills the new fields', async () => {
    const name = `upgrade-${Date.now()}`;
    await writeVersion1(name);
    const db = new MixLabDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    const all = await db.scenarios.orderBy('id').toArray();
    expect(all.map((r) => r.id)).toEqual(['a', 'b']);
    expect(all[1].tags).toEqual([]);
    expect(all[1].description).toBe('');
    expect(all[0].description).toBe('from v1');
    for (const r of all) expect(validateScenario(r.data).ok).toBe(true);
    expect((await db.workspace.get('current'))?.scenarioId).toBe('a');
    // the new tables exist and are empty
    expect(await db.progress.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
    db.close();
  });

  it('v2 → v3 drops the unused runs table and keeps every other table with its records', async () => {
    const name = `upgrade-v2-${Date.now()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({
      scenarios: 'id, title, updatedAt, *tags',
      workspace: 'key',
      loanBooks: 'id, scenarioId, createdAt',
      runs: 'id, scenarioHash, createdAt',
      progress: 'lessonId',
      attempts: '++id, challengeId, packId, createdAt',
      packs: 'id, createdAt',
      teamResults: '++id, packId, team',
      portfolios: 'id, updatedAt',
    });
    await v2.open();
    await v2.table('scenarios').put({ id: 'a', title: '倒金字塔', description: '', tags: [], createdAt: 1, updatedAt: 1, data: demoScenario });
    await v2.table('runs').put({ id: 'r', scenarioHash: 'h', seed: 1, createdAt: 1, result: {} });
    await v2.table('progress').put({ lessonId: 'l1', status: 'completed', step: 1, updatedAt: 1 });
    await v2.table('portfolios').put({ id: 'p', title: '王女士', updatedAt: 1, data: {} });
    v2.close();

    const db = new MixLabDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name)).not.toContain('runs');
    expect((await db.scenarios.get('a'))?.title).toBe('倒金字塔');
    expect((await db.progress.get('l1'))?.status).toBe('completed');
    expect(await db.portfolios.count()).toBe(1);
    db.close();
  });

  it('v3 → v4 stores each loan book as columns, keeps every field, and keeps a damaged book’s rows as they were', async () => {
    const name = `upgrade-v3-${Date.now()}`;
    const v3 = new Dexie(name);
    // version 3 as released: v2's tables less `runs`
    v3.version(3).stores({
      scenarios: 'id, title, updatedAt, *tags',
      workspace: 'key',
      loanBooks: 'id, scenarioId, createdAt',
      progress: 'lessonId',
      attempts: '++id, challengeId, packId, createdAt',
      packs: 'id, createdAt',
      teamResults: '++id, packId, team',
      portfolios: 'id, updatedAt',
    });
    await v3.open();
    const rows: LoanBookRow[] = [
      { id: 'A1', segment: 'large', exposure: 5e8, pd: 0.006, lgd: 0.45, tenorYears: 3, rate: 0.028, deposits: 4e8, productsHeld: 4, group: 'G1' },
      { id: 'B2', segment: 'small', exposure: 6e6, pd: 0.03, lgd: 0.4 },
    ];
    const damaged = [{ id: 'X', segment: 'small', exposure: -5, pd: 0.03, lgd: 0.4 }];
    await v3.table('scenarios').put({ id: 'a', title: '倒金字塔', description: '', tags: [], createdAt: 1, updatedAt: 1, data: demoScenario });
    await v3.table('loanBooks').bulkPut([
      { id: 'b1', name: 'book.csv', scenarioId: 'a', createdAt: 5, rows },
      { id: 'b2', name: 'bad.csv', scenarioId: 'a', createdAt: 4, rows: damaged },
    ]);
    v3.close();

    const db = new MixLabDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    // the book's fields stay in loanBooks, its columns move to loanBookChunks
    expect(await db.loanBooks.get('b1')).toEqual({ id: 'b1', name: 'book.csv', scenarioId: 'a', createdAt: 5, chunks: 1 });
    expect(await db.loanBookChunks.count()).toBe(1);
    const books = await createDexieStore(db).transact((tx) => tx.loanBooksOf('a'));
    expect(books.map((b) => b.id)).toEqual(['b2', 'b1']);
    const checked = checkStoredLoanBook(
      books[1],
      demoScenario.segments.map((s) => s.key),
    );
    expect(checked.ok && rowsFromColumns(checked.columns)).toEqual(rows);
    // nothing saved is lost: the damaged book keeps its rows, and reads as damaged
    expect(books[0]).toEqual({ id: 'b2', name: 'bad.csv', scenarioId: 'a', createdAt: 4, rows: damaged });
    expect(checkStoredLoanBook(books[0], ['small']).ok).toBe(false);
    // the newest book exports as the library file's rows, as before
    const { file } = await exportLibrary(createDexieStore(db));
    expect(file.scenarios[0].loanBook).toEqual({ name: 'book.csv', rows });
    db.close();
  });
});
