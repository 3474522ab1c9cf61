import { describe, expect, it } from 'vitest';
import { demoClientPortfolio, RISK_PROFILES, type ClientPortfolio } from '../../src/lib/model';
import {
  buildPortfolioFile,
  parsePortfolioData,
  parsePortfolioText,
  planPortfolioImport,
  portfolioFileName,
  serializePortfolioFile,
  type ExportedPortfolio,
} from '../../src/lib/io/portfolio-file';

function client(name: string, profile: keyof typeof RISK_PROFILES = 'balanced'): ClientPortfolio {
  const p = demoClientPortfolio();
  return { ...p, client: { ...p.client, name, riskProfile: { ...RISK_PROFILES[profile] } } };
}

const entries: ExportedPortfolio[] = [
  { id: 'a', title: '王女士', updatedAt: 1_700_000_000_000, portfolio: client('王女士', 'moderate') },
  { id: 'b', title: 'Mr Li', updatedAt: 1_700_000_100_000, portfolio: client('Mr Li', 'growth') },
];
const now = new Date('2026-01-02T03:04:05Z');
let counter = 0;
const newId = () => `new-${++counter}`;

describe('portfolio export and import', () => {
  it('round-trips: what is exported is imported unchanged', () => {
    const text = serializePortfolioFile(buildPortfolioFile(entries, now));
    const parsed = parsePortfolioText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.kind).toBe('file');
    expect(parsed.entries).toEqual(entries);
    // and again: a second round trip is byte-identical
    expect(serializePortfolioFile(buildPortfolioFile(parsed.entries, now))).toBe(text);
  });

  it('accepts a bare portfolio as a file of one', () => {
    const parsed = parsePortfolioText(JSON.stringify(client('赵总')));
    expect(parsed.ok && parsed.kind).toBe('portfolio');
    expect(parsed.ok && parsed.entries[0].title).toBe('赵总');
  });

  it('imports nothing from a file with one bad portfolio, and says where', () => {
    const bad = JSON.parse(serializePortfolioFile(buildPortfolioFile(entries, now)));
    bad.portfolios[1].portfolio.client.horizonYears = 100;
    bad.portfolios[1].portfolio.assets.correlation[4][2] = 0.5;
    const parsed = parsePortfolioData(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toContain('portfolios.1.portfolio.client.horizonYears');
    expect(parsed.problems.find((p) => p.path === 'portfolios.1.portfolio.client.horizonYears')?.expected).toBe('1 – 40');
  });

  it('explains a file that is not JSON, not ours, or of another format', () => {
    const notJson = parsePortfolioText('{ nope');
    expect(!notJson.ok && notJson.problems[0].expected).toBe('JSON');
    const other = parsePortfolioText(JSON.stringify({ hello: 1 }));
    expect(!other.ok && other.problems[0].message.en).toContain('not a Mix Lab client-portfolio file');
    const library = parsePortfolioText(JSON.stringify({ format: 'tong-mix-lab/library', schemaVersion: 1, scenarios: [] }));
    expect(!library.ok && library.problems.map((p) => p.path)).toContain('format');
    const empty = parsePortfolioText(JSON.stringify({ format: 'tong-mix-lab/portfolios', schemaVersion: 1, portfolios: [] }));
    expect(!empty.ok && empty.problems[0].path).toBe('portfolios');
    expect(parsePortfolioText('\uFEFF' + serializePortfolioFile(buildPortfolioFile(entries, now))).ok).toBe(true);
  });

  it('imports a copy when a name or an id is taken, never overwriting', () => {
    const plan = planPortfolioImport(
      entries,
      [
        { id: 'a', title: '王女士' },
        { id: 'zzz', title: 'Mr Li' },
      ],
      { newId, copyLabel: '副本', fallbackTitle: '客户' },
    );
    expect(plan[0].id).not.toBe('a');
    expect(plan[0].title).toBe('王女士（副本）');
    expect(plan[0].portfolio.client.name).toBe('王女士（副本）');
    expect(plan[0].isCopy).toBe(true);
    expect(plan[1].id).toBe('b');
    expect(plan[1].title).toBe('Mr Li（副本）');
    const again = planPortfolioImport(
      entries,
      [
        { id: 'x', title: '王女士' },
        { id: 'y', title: '王女士（副本）' },
      ],
      { newId, copyLabel: 'copy', fallbackTitle: 'client' },
    );
    expect(again[0].title).toBe('王女士 (copy)');
  });

  it('imports the same file twice as two sets of copies', () => {
    const first = planPortfolioImport(entries, [], { newId, copyLabel: '副本', fallbackTitle: '客户' });
    expect(first.map((p) => p.isCopy)).toEqual([false, false]);
    const second = planPortfolioImport(entries, first, { newId, copyLabel: '副本', fallbackTitle: '客户' });
    expect(second.map((p) => p.title)).toEqual(['王女士（副本）', 'Mr Li（副本）']);
    expect(new Set([...first, ...second].map((p) => p.id)).size).toBe(4);
  });

  it('names the export file safely', () => {
    expect(portfolioFileName('王女士 / 2026', now)).toBe('mix-lab-portfolio-王女士-2026-2026-01-02.json');
    expect(portfolioFileName('<>', now)).toBe('mix-lab-portfolio-portfolios-2026-01-02.json');
  });
});
