import { columnsFromRows, rowsFromColumns, type LoanBookColumns } from '../../src/lib/io/loan-book-columns';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { createScenario, listEntries, patchMeta, saveScenarioData } from '../../src/lib/db/library-records';
import { addLoanBook, exportLibrary, importData } from '../../src/lib/db/library-repo';
import { createDexieStore, createMemoryStore, type LibraryStore } from '../../src/lib/db/library-store';
import { LIBRARY_FILE_FORMAT, parseLibraryData, parseLibraryText, planImport, serializeLibraryFile } from '../../src/lib/io/library-file';
import { uniqueTitle } from '../../src/lib/io/limits';
import { applyLevers, demoScenario, pyramidScenario, writePath } from '../../src/lib/model';

let n = 0;
async function dexieStore(): Promise<{ store: LibraryStore; db: MixLabDatabase }> {
  const db = new MixLabDatabase(`transfer-${n++}`);
  await db.open();
  return { store: createDexieStore(db), db };
}

const row = (id: string, segment: string, exposure: number) => ({
  id,
  segment,
  exposure,
  pd: 0.01,
  lgd: 0.45,
  tenorYears: 2,
  rate: 0.03,
  deposits: exposure / 2,
  productsHeld: 3,
});

describe('export → import', () => {
  it('gives back equal scenarios, metadata, saved versions and loan books', async () => {
    const { store: a } = await dexieStore();
    const edited = applyLevers(writePath(demoScenario, 'market.lpr1y', 0.031234), { spreadBp: { small: 70.35 } });
    const r1 = await createScenario(a, { title: '试点方案', description: '<b>不是HTML</b>', tags: ['培训', 'A'], scenario: demoScenario, copyLabel: '副本' });
    await saveScenarioData(a, r1.id, demoScenario, edited);
    await createScenario(a, { title: 'Pyramid', scenario: pyramidScenario, copyLabel: 'copy' });
    await addLoanBook(a, r1.id, 'book.csv', columnsFromRows([row('A1', 'large', 5e8), row('B2', 'small', 6e6)]));
    const { file, skipped } = await exportLibrary(a);
    expect(skipped).toEqual([]);
    expect(file.format).toBe(LIBRARY_FILE_FORMAT);
    expect(file.schemaVersion).toBe(1);

    const { store: b } = await dexieStore();
    const outcome = await importData(b, JSON.parse(serializeLibraryFile(file)), '副本');
    expect(outcome.ok).toBe(true);
    const back = await listEntries(b);
    expect(back).toHaveLength(2);
    const pilot = back.find((e) => e.record.title === '试点方案')!;
    expect(pilot.status).toBe('ok');
    if (pilot.status !== 'ok') return;
    expect(pilot.scenario).toEqual(edited);
    expect(pilot.baseline).toEqual(demoScenario);
    expect(pilot.record.id).toBe(r1.id);
    expect(pilot.record.description).toBe('<b>不是HTML</b>');
    expect(pilot.record.tags).toEqual(['培训', 'A']);
    const books = await b.transact((tx) => tx.loanBooksOf(r1.id));
    expect(books).toHaveLength(1);
    // stored as columns, read back as the same rows
    expect(rowsFromColumns(books[0].columns as LoanBookColumns)).toEqual([row('A1', 'large', 5e8), row('B2', 'small', 6e6)]);
  });

  it('imports a clash as a copy: new id, copy title, originals untouched', async () => {
    const { store } = await dexieStore();
    const original = await createScenario(store, { title: '倒金字塔银行', scenario: demoScenario, copyLabel: '副本' });
    const { file } = await exportLibrary(store);
    await patchMeta(store, original.id, { description: 'edited after export' });
    const first = await importData(store, file, '副本');
    const second = await importData(store, file, '副本');
    expect(first.ok && first.imported[0]).toMatchObject({ title: '倒金字塔银行（副本）', isCopy: true });
    expect(second.ok && second.imported[0]).toMatchObject({ title: '倒金字塔银行（副本 2）', isCopy: true });
    const all = await listEntries(store);
    expect(all).toHaveLength(3);
    expect(new Set(all.map((e) => e.record.id)).size).toBe(3);
    expect(all.find((e) => e.record.id === original.id)?.record.description).toBe('edited after export');
  });

  it('imports a bare scenario (what validateScenario accepts) as one entry', async () => {
    const { store } = await dexieStore();
    const outcome = await importData(store, pyramidScenario, 'copy');
    expect(outcome.ok && outcome.imported[0].title).toBe('正金字塔银行');
  });
});

describe('invalid files', () => {
  it('lists every problem with its path and expected range, and writes nothing', async () => {
    const { store, db } = await dexieStore();
    await createScenario(store, { title: 'keep me', scenario: demoScenario, copyLabel: 'copy' });
    const before = await db.scenarios.toArray();
    const bad = writePath(writePath(demoScenario, 'segments.2.pd', 0.9), 'market.lpr1y', 'high');
    const file = {
      format: LIBRARY_FILE_FORMAT,
      schemaVersion: 1,
      scenarios: [
        { id: 'ok', title: 'fine', scenario: pyramidScenario },
        { id: 'bad', title: 'broken', scenario: bad },
        { id: 'x', title: 7, scenario: demoScenario },
      ],
    };
    const outcome = await importData(store, file, 'copy');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const byPath = Object.fromEntries(outcome.problems.map((p) => [p.path, p]));
    expect(byPath['scenarios.1.scenario.segments.2.pd'].expected).toBe('0 – 0.5');
    expect(byPath['scenarios.1.scenario.segments.2.pd'].received).toBe('0.9');
    expect(byPath['scenarios.1.scenario.market.lpr1y']).toBeDefined();
    expect(byPath['scenarios.2.title']).toBeDefined();
    // nothing written, not even the valid first entry
    expect(await db.scenarios.toArray()).toEqual(before);
  });

  it('says what is wrong with a file that is not JSON, not a library, or a newer version', () => {
    const notJson = parseLibraryText('{ "format": ');
    expect(!notJson.ok && notJson.problems[0].message.en).toMatch(/not valid JSON/);
    const other = parseLibraryData({ hello: 'world' });
    expect(!other.ok && other.problems[0].message.en).toMatch(/not a Mix Lab scenario file/);
    const newer = parseLibraryData({ format: LIBRARY_FILE_FORMAT, schemaVersion: 2, scenarios: [] });
    expect(!newer.ok && newer.problems.map((p) => p.path)).toEqual(['schemaVersion', 'scenarios']);
  });

  it('rejects loan-book rows that break the rules, with their paths', () => {
    const file = {
      format: LIBRARY_FILE_FORMAT,
      schemaVersion: 1,
      scenarios: [{ id: 'a', title: 'a', scenario: demoScenario, loanBook: { name: 'b', rows: [row('A', 'large', -1), row('A', 'giant', 1)] } }],
    };
    const parsed = parseLibraryData(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual([
      'scenarios.0.loanBook.rows.0.exposure',
      'scenarios.0.loanBook.rows.0.deposits',
      'scenarios.0.loanBook.rows.1.id',
      'scenarios.0.loanBook.rows.1.segment',
    ]);
  });
});

describe('planImport and uniqueTitle', () => {
  it('never reuses an id or a title, within the file too', () => {
    let k = 0;
    const entry = (id: string, title: string) => ({ id, title, description: '', tags: [], createdAt: 0, updatedAt: 0, scenario: demoScenario });
    const plan = planImport([entry('a', 'T'), entry('a', 'T'), entry('b', 'U')], [{ id: 'b', title: 'V' }], { newId: () => `new-${k++}`, copyLabel: 'copy' });
    expect(plan.map((p) => [p.id, p.title, p.isCopy])).toEqual([
      ['a', 'T', false],
      ['new-0', 'T (copy)', true],
      ['new-1', 'U', true],
    ]);
    expect(uniqueTitle('X', new Set(['X', 'X（副本）']), '副本')).toBe('X（副本 2）');
  });

  it('works the same on the in-memory store', async () => {
    const store = createMemoryStore();
    const outcome = await importData(
      store,
      { format: LIBRARY_FILE_FORMAT, schemaVersion: 1, scenarios: [{ id: 'a', title: 'A', scenario: demoScenario }] },
      'copy',
    );
    expect(outcome.ok).toBe(true);
    expect((await listEntries(store)).map((e) => e.record.title)).toEqual(['A']);
  });
});

describe('copy titles do not pile up', () => {
  it('numbers a copy of a copy instead of appending another （副本）', async () => {
    const { uniqueTitle } = await import('../../src/lib/io/limits');
    expect(uniqueTitle('倒金字塔银行', new Set(['倒金字塔银行']), '副本')).toBe('倒金字塔银行（副本）');
    expect(uniqueTitle('倒金字塔银行（副本）', new Set(['倒金字塔银行', '倒金字塔银行（副本）']), '副本')).toBe('倒金字塔银行（副本 2）');
    expect(uniqueTitle('Bank (copy 2)', new Set(['Bank', 'Bank (copy)', 'Bank (copy 2)']), 'copy')).toBe('Bank (copy 3)');
  });
});
