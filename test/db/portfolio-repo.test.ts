import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { createPortfolio, exportPortfolioText, importPortfolios, listPortfolios, savePortfolio } from '../../src/lib/db/portfolio-repo';
import { demoClientPortfolio, type ClientPortfolio } from '../../src/lib/model';

let n = 0;
const freshDb = () => new MixLabDatabase(`portfolio-repo-${Date.now()}-${n++}`);
const labels = { copyLabel: '副本', fallbackTitle: '客户' };
const named = (name: string): ClientPortfolio => ({ ...demoClientPortfolio(), client: { ...demoClientPortfolio().client, name } });

describe('portfolio repository (IndexedDB)', () => {
  it('stores, autosaves and lists portfolios, newest first', async () => {
    const db = freshDb();
    const a = await createPortfolio(db, named('王女士'), labels, 1000);
    const b = await createPortfolio(db, named('王女士'), labels, 2000);
    expect(b.title).toBe('王女士（副本）');
    await savePortfolio(db, a.id, { ...named('王女士'), client: { ...named('王女士').client, horizonYears: 7 } }, '客户', 3000);
    const list = await listPortfolios(db);
    expect(list.map((e) => e.record.title)).toEqual(['王女士', '王女士（副本）']);
    expect(list[0].status === 'ok' && list[0].portfolio.client.horizonYears).toBe(7);
  });

  it('lists a damaged record as damaged, with its problems, and keeps it', async () => {
    const db = freshDb();
    await db.portfolios.put({ id: 'broken', title: 'broken', updatedAt: 1, data: { schemaVersion: 1, client: 'x' } });
    const [entry] = await listPortfolios(db);
    expect(entry.status).toBe('damaged');
    expect(entry.status === 'damaged' && entry.problems[0].path).toBe('client');
    expect(await db.portfolios.count()).toBe(1);
  });

  it('exports and imports back: a clash imports copies, an invalid file writes nothing', async () => {
    const db = freshDb();
    await createPortfolio(db, named('王女士'), labels, 1000);
    await createPortfolio(db, named('Mr Li'), labels, 2000);
    const list = await listPortfolios(db);
    const text = exportPortfolioText(
      list.flatMap((e) => (e.status === 'ok' ? [e] : [])),
      new Date('2026-01-01T00:00:00Z'),
    );

    const bad = JSON.parse(text);
    bad.portfolios[0].portfolio.weights.gold = 0.5;
    const refused = await importPortfolios(db, JSON.stringify(bad), labels);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems[0].path).toBe('portfolios.0.portfolio.weights');
    expect(await db.portfolios.count()).toBe(2);

    const again = await importPortfolios(db, text, labels, 5000);
    expect(again.ok).toBe(true);
    expect(again.ok && again.added.map((a) => [a.title, a.isCopy])).toEqual([
      ['Mr Li（副本）', true],
      ['王女士（副本）', true],
    ]);
    const after = await listPortfolios(db);
    expect(after).toHaveLength(4);
    const copy = after.find((e) => e.record.title === '王女士（副本）');
    expect(copy?.status === 'ok' && copy.portfolio.client.name).toBe('王女士（副本）');
    const original = after.find((e) => e.record.title === '王女士');
    expect(copy?.status === 'ok' && original?.status === 'ok' && { ...copy.portfolio, client: { ...copy.portfolio.client, name: '' } }).toEqual(
      original?.status === 'ok' && { ...original.portfolio, client: { ...original.portfolio.client, name: '' } },
    );
  });
});
