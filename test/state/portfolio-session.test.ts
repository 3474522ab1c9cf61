import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { demoClientPortfolio, type ClientPortfolio } from '../../src/lib/model';
import { PortfolioSession } from '../../src/lib/state/portfolio-session.svelte';

let n = 0;
const freshName = () => `pf-session-test-${n++}`;
const labels = { copyLabel: '副本', fallbackTitle: '客户' };
const renamed = (p: ClientPortfolio, name: string): ClientPortfolio => ({ ...p, client: { ...p.client, name } });

async function openSession(name: string): Promise<PortfolioSession> {
  const session = new PortfolioSession(new MixLabDatabase(name));
  await session.init(labels);
  return session;
}

describe('PortfolioSession', () => {
  it('stores the demo client on a first visit and opens it', async () => {
    const s = await openSession(freshName());
    expect(s.storage).toBe('ready');
    expect(s.entries).toHaveLength(1);
    expect(s.id).toBe(s.entries[0].record.id);
    expect(s.portfolio.weights).toEqual(demoClientPortfolio().weights);
  });

  it('autosaves an edit, and a new session (a reload) opens the edited portfolio', async () => {
    const name = freshName();
    const a = await openSession(name);
    a.update(renamed(a.portfolio, '王女士'));
    expect(a.saveStatus).toBe('saving');
    await a.flush();
    expect(a.saveStatus).toBe('saved');
    expect(a.entries[0].record.title).toBe('王女士');

    const b = await openSession(name);
    expect(b.id).toBe(a.id);
    expect(b.portfolio.client.name).toBe('王女士');
  });

  it('writes a pending edit before opening another portfolio, so switching loses nothing', async () => {
    const s = await openSession(freshName());
    const first = s.id!;
    await s.duplicate();
    const second = s.id!;
    expect(second).not.toBe(first);
    s.update(renamed(s.portfolio, '李先生'));
    await s.open(first); // no flush called by the test
    const stored = s.entries.find((e) => e.record.id === second);
    expect(stored?.status === 'ok' && stored.portfolio.client.name).toBe('李先生');
  });

  it('deleting the open portfolio opens the next, and deleting the last opens a fresh demo client', async () => {
    const s = await openSession(freshName());
    await s.duplicate();
    const [a, b] = s.entries.map((e) => e.record.id);
    await s.remove(s.id!);
    expect(s.entries).toHaveLength(1);
    expect([a, b]).toContain(s.id);
    const last = s.id!;
    await s.remove(last);
    expect(s.entries).toHaveLength(1);
    expect(s.id).not.toBe(last);
    expect(s.portfolio.weights).toEqual(demoClientPortfolio().weights);
  });

  it('imports a file all or nothing: a damaged file adds nothing and says where; a good one adds copies', async () => {
    const s = await openSession(freshName());
    const before = s.entries.length;
    const bad = await s.importText('{"format":"not a portfolio file"}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.length).toBeGreaterThan(0);
    expect(s.entries).toHaveLength(before);

    const text = await s.exportText([s.id!]);
    const good = await s.importText(text);
    expect(good.ok).toBe(true);
    expect(s.entries).toHaveLength(before + 1);
    const titles = s.entries.map((e) => e.record.title);
    expect(new Set(titles).size).toBe(titles.length); // the clash came in as a copy, not over the original
  });

  it('without storage: edits still apply, nothing is saved, and an import says why it cannot run', async () => {
    const s = new PortfolioSession(null);
    await s.init(labels);
    expect(s.storage).toBe('unavailable');
    s.update(renamed(s.portfolio, '张先生'));
    expect(s.portfolio.client.name).toBe('张先生');
    await s.flush();
    expect(s.saveStatus).toBe('saved');
    const result = await s.importText('{}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message.en).toMatch(/storage is unavailable/);
  });
});
