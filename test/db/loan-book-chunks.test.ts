import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { createDexieStore } from '../../src/lib/db/library-store';
import { CHUNK_ROWS } from '../../src/lib/db/loan-book-chunks';
import { columnsFromRows, rowsFromColumns } from '../../src/lib/io/loan-book-columns';
import { checkStoredLoanBook } from '../../src/lib/io/stored-loan-book';
import { demoScenario } from '../../src/lib/model';
import { generateBook } from '../fixtures/book-generator';

const keys = demoScenario.segments.map((s) => s.key);

async function openDb() {
  const db = new MixLabDatabase(`chunks-${Date.now()}-${Math.random()}`);
  await db.open();
  return { db, store: createDexieStore(db) };
}

describe('loan books in chunks (database v4)', () => {
  it('a book of more than two chunks is written in chunks and read back whole', async () => {
    const { db, store } = await openDb();
    const rows = generateBook(2 * CHUNK_ROWS + 7, { seed: 4 });
    await store.transact((tx) => tx.putLoanBook({ id: 'b', name: 'big.csv', scenarioId: 's', createdAt: 1, columns: columnsFromRows(rows) }));
    expect(await db.loanBooks.get('b')).toEqual({ id: 'b', name: 'big.csv', scenarioId: 's', createdAt: 1, chunks: 3 });
    expect(await db.loanBookChunks.count()).toBe(3);
    const [book] = await store.transact((tx) => tx.loanBooksOf('s'));
    const checked = checkStoredLoanBook(book, keys);
    expect(checked.ok && rowsFromColumns(checked.columns)).toEqual(rows);
    // replaced by a smaller book of the same id: no chunk of the old one is left
    await store.transact((tx) => tx.putLoanBook({ ...book, columns: columnsFromRows(rows.slice(0, 10)) }));
    expect(await db.loanBookChunks.count()).toBe(1);
    await store.transact((tx) => tx.deleteLoanBook('b'));
    expect(await db.loanBookChunks.count()).toBe(0);
    expect(await db.loanBooks.count()).toBe(0);
    db.close();
  });

  it('a missing or damaged chunk reads as a damaged book, never throws', async () => {
    const { db, store } = await openDb();
    const rows = generateBook(CHUNK_ROWS + 1, { seed: 2 });
    await store.transact((tx) => tx.putLoanBook({ id: 'b', name: 'b.csv', scenarioId: 's', createdAt: 1, columns: columnsFromRows(rows) }));
    await db.loanBookChunks.put({ bookId: 'b', index: 1, columns: { count: 'x' } });
    const [damaged] = await store.transact((tx) => tx.loanBooksOf('s'));
    expect(damaged.columns).toBeNull();
    expect(checkStoredLoanBook(damaged, keys)).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'columns' })] });
    await db.loanBookChunks.delete(['b', 1]);
    const [missing] = await store.transact((tx) => tx.loanBooksOf('s'));
    expect(checkStoredLoanBook(missing, keys).ok).toBe(false);
    // a damaged book copied (a duplicated scenario) is kept as it is
    await store.transact((tx) => tx.putLoanBook({ id: 'c', name: 'c.csv', scenarioId: 't', createdAt: 2, columns: { count: 'x' } }));
    expect((await store.transact((tx) => tx.loanBooksOf('t')))[0].columns).toEqual({ count: 'x' });
    db.close();
  });
});
