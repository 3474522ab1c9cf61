import { columnsFromRows } from '../../src/lib/io/loan-book-columns';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import {
  createScenario,
  deleteForever,
  duplicateScenario,
  listEntries,
  moveToTrash,
  normaliseTags,
  patchMeta,
  restoreFromTrash,
  saveScenarioData,
} from '../../src/lib/db/library-records';
import { addLoanBook } from '../../src/lib/db/library-repo';
import { createDexieStore, createMemoryStore, type LibraryStore } from '../../src/lib/db/library-store';
import { demoScenario, pyramidScenario, writePath } from '../../src/lib/model';

let n = 0;
async function twoTabs(): Promise<[LibraryStore, LibraryStore, MixLabDatabase]> {
  const name = `repo-${n++}`;
  const a = new MixLabDatabase(name);
  const b = new MixLabDatabase(name);
  await a.open();
  await b.open();
  return [createDexieStore(a), createDexieStore(b), a];
}

describe('library repository', () => {
  it('creates, duplicates (with loan books) and never reuses a title', async () => {
    const [store] = await twoTabs();
    const a = await createScenario(store, { title: '方案', scenario: demoScenario, copyLabel: '副本' });
    const b = await createScenario(store, { title: '方案', scenario: demoScenario, copyLabel: '副本' });
    expect(b.title).toBe('方案（副本）');
    await addLoanBook(store, a.id, 'b.csv', columnsFromRows([]));
    const c = await duplicateScenario(store, a.id, '副本');
    expect(c?.title).toBe('方案（副本 2）');
    expect(await store.transact((tx) => tx.loanBooksOf(c!.id))).toHaveLength(1);
    expect((await listEntries(store)).map((e) => e.record.title).sort()).toEqual(['方案', '方案（副本 2）', '方案（副本）']);
  });

  it('merges two tabs’ edits of different fields of one record', async () => {
    const [tab1, tab2] = await twoTabs();
    const r = await createScenario(tab1, { title: 'T', scenario: demoScenario, copyLabel: 'copy' });
    await Promise.all([patchMeta(tab1, r.id, { title: 'renamed in tab 1' }), patchMeta(tab2, r.id, { tags: normaliseTags(['a，b, a']) })]);
    const [e] = await listEntries(tab1);
    expect(e.record.title).toBe('renamed in tab 1');
    expect(e.record.tags).toEqual(['a', 'b']);
  });

  it('merges two tabs’ edits of different inputs, and reports the same input as a conflict', async () => {
    const [tab1, tab2] = await twoTabs();
    const r = await createScenario(tab1, { title: 'T', scenario: demoScenario, copyLabel: 'copy' });
    const s1 = await saveScenarioData(tab1, r.id, demoScenario, writePath(demoScenario, 'segments.0.pd', 0.01));
    expect(s1.conflicts).toEqual([]);
    // tab 2 still started from the demo: its LPR edit merges, its PD edit conflicts and wins
    const mine2 = writePath(writePath(demoScenario, 'market.lpr1y', 0.029), 'segments.0.pd', 0.02);
    const s2 = await saveScenarioData(tab2, r.id, demoScenario, mine2);
    expect(s2.conflicts).toEqual(['segments.0.pd']);
    const [e] = await listEntries(tab1);
    expect(e.status === 'ok' && [e.scenario.market.lpr1y, e.scenario.segments[0].pd]).toEqual([0.029, 0.02]);
  });

  it('deletes to the trash, restores, and deletes for good with its loan books', async () => {
    const [store, , db] = await twoTabs();
    const r = await createScenario(store, { title: 'T', scenario: pyramidScenario, copyLabel: 'copy' });
    await addLoanBook(store, r.id, 'b.csv', columnsFromRows([]));
    await moveToTrash(store, r.id);
    expect((await listEntries(store))[0].record.deletedAt).toBeGreaterThan(0);
    await restoreFromTrash(store, r.id);
    const [back] = await listEntries(store);
    expect(back.record.deletedAt).toBeNull();
    expect(back.status === 'ok' && back.scenario).toEqual(pyramidScenario);
    await deleteForever(store, r.id);
    expect(await db.scenarios.count()).toBe(0);
    expect(await db.loanBooks.count()).toBe(0);
  });

  it('shows a damaged record as damaged, with where, and keeps it', async () => {
    const [store, , db] = await twoTabs();
    await db.scenarios.put({ id: 'x', title: 'broken', description: '', tags: [], createdAt: 1, updatedAt: 1, data: { hello: 1 } });
    const [e] = await listEntries(store);
    expect(e.status).toBe('damaged');
    expect(e.status === 'damaged' && e.problems.length).toBeGreaterThan(0);
  });

  it('writes all or nothing: a failing transaction leaves the store as it was (memory and IndexedDB)', async () => {
    const [dexie] = await twoTabs();
    for (const store of [createMemoryStore(), dexie]) {
      const r = await createScenario(store, { title: 'T', scenario: demoScenario, copyLabel: 'copy' });
      await expect(
        store.transact(async (tx) => {
          await tx.putScenario({ ...(await tx.getScenario(r.id))!, title: 'half-written' });
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect((await listEntries(store))[0].record.title).toBe('T');
    }
  });

  it('lets another tab see a change through a live query', async () => {
    const [tab1, tab2] = await twoTabs();
    const seen: string[][] = [];
    const stop = tab2.observe(
      (tx) => tx.allScenarios(),
      (records) => seen.push(records.map((r) => r.title)),
    );
    await new Promise((r) => setTimeout(r, 50));
    await createScenario(tab1, { title: 'from tab 1', scenario: demoScenario, copyLabel: 'copy' });
    await expect.poll(() => seen.at(-1)).toEqual(['from tab 1']);
    stop();
  });
});
