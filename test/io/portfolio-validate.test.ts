import { describe, expect, it } from 'vitest';
import { demoClientPortfolio, type ClientPortfolio } from '../../src/lib/model';
import { checkClientPortfolio, validateClientPortfolio } from '../../src/lib/io/portfolio-validate';

/** A deep copy to break, as JSON (what a file holds). */
function demoJson(): Record<string, any> {
  return JSON.parse(JSON.stringify(demoClientPortfolio()));
}

function problemsOf(data: unknown) {
  const r = validateClientPortfolio(data);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('validateClientPortfolio', () => {
  it('accepts the demo client and returns an equal, fresh portfolio', () => {
    const demo = demoClientPortfolio();
    const r = validateClientPortfolio(JSON.parse(JSON.stringify(demo)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.portfolio).toEqual(demo);
    expect(checkClientPortfolio(demo)).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const garbage: unknown[] = [null, undefined, 0, NaN, 'x', [], [1, 2], {}, { schemaVersion: 2 }, cyclic, { client: null, assets: 7 }, Object.create(null)];
    for (const g of garbage) {
      const r = validateClientPortfolio(g);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it('states each field out of range with its path and the expected range', () => {
    const p = demoJson();
    p.client.horizonYears = 0;
    p.client.amount = -5;
    p.assets.assets[4].volatility = 1.5;
    p.client.cashNeeds[1].year = 99;
    const problems = problemsOf(p);
    const byPath = Object.fromEntries(problems.map((q) => [q.path, q]));
    expect(byPath['client.horizonYears'].expected).toBe('1 – 40');
    expect(byPath['client.horizonYears'].received).toBe('0');
    expect(byPath['client.horizonYears'].message.zh).toContain('1 年 至 40 年');
    expect(byPath['client.amount'].message.zh).toContain('1.0 万元');
    expect(byPath['client.amount'].message.en).toContain('CNY 0.01 m');
    expect(byPath['assets.assets.4.volatility'].expected).toBe('0 – 1');
    expect(byPath['assets.assets.4.volatility'].message.en).toContain('0.00% to 100.00%');
    expect(byPath['client.cashNeeds.1.year']).toBeDefined();
  });

  it('reports wrong types and missing fields by path', () => {
    const p = demoJson();
    p.client.riskProfile.name = 'balanced';
    delete p.assets.correlation;
    p.weights.gold = '10%';
    const paths = problemsOf(p).map((q) => q.path);
    expect(paths).toEqual(expect.arrayContaining(['client.riskProfile.name', 'assets.correlation', 'weights.gold']));
  });

  it('rejects a correlation matrix that is not PSD, naming the cell', () => {
    const p = demoJson();
    // government and credit bonds strongly together, equities with one and against the other
    p.assets.correlation[2][3] = p.assets.correlation[3][2] = 0.9;
    p.assets.correlation[2][4] = p.assets.correlation[4][2] = 0.9;
    p.assets.correlation[3][4] = p.assets.correlation[4][3] = -0.9;
    const problems = problemsOf(p);
    expect(problems.some((q) => /^assets\.correlation\.\d\.\d$/.test(q.path))).toBe(true);
    expect(problems.map((q) => q.message.zh).join()).toContain('半正定');
  });

  it('rejects a matrix of the wrong size, an asymmetric one and a bad diagonal', () => {
    const small = demoJson();
    small.assets.correlation = small.assets.correlation.slice(0, 5);
    expect(problemsOf(small).map((q) => q.path)).toContain('assets.correlation');
    const asym = demoJson();
    asym.assets.correlation[1][2] = 0.1;
    expect(problemsOf(asym).some((q) => q.path.startsWith('assets.correlation.'))).toBe(true);
    const diag = demoJson();
    diag.assets.correlation[0][0] = 0.9;
    expect(problemsOf(diag).some((q) => q.path.startsWith('assets.correlation.0.0'))).toBe(true);
  });

  it('checks the weights: known classes, summing to 100%', () => {
    const sum = demoJson();
    sum.weights.equityFund = 0.3;
    const q = problemsOf(sum).find((x) => x.path === 'weights')!;
    expect(q.received).toBe('1.050000');
    expect(q.message.zh).toContain('105.00%');
    const unknown = demoJson();
    unknown.weights.bitcoin = 0;
    expect(problemsOf(unknown).map((x) => x.path)).toContain('weights.bitcoin');
  });

  it('fills a zero weight for a class left out, and drops unknown fields', () => {
    const p = demoJson();
    delete p.weights.deposit;
    p.weights.wmp = 0.3; // the deposit's 10% moved to WMPs
    p.extra = '<script>';
    const r = validateClientPortfolio(p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.portfolio.weights.deposit).toBe(0);
    expect('extra' in r.portfolio).toBe(false);
  });

  it('checks bounds: known classes, min ≤ max, room for 100%', () => {
    const p = demoJson();
    p.bounds = { gold: { min: 0.5, max: 0.2 }, nothing: { max: 0.1 } };
    const paths = problemsOf(p).map((q) => q.path);
    expect(paths).toEqual(expect.arrayContaining(['bounds.gold', 'bounds.nothing']));
    const tight = demoJson();
    tight.bounds = Object.fromEntries(tight.assets.assets.map((a: { key: string }) => [a.key, { max: 0.1 }]));
    expect(
      problemsOf(tight)
        .map((q) => q.message.en)
        .join(),
    ).toContain('below 100%');
  });

  it('rejects another schema version and a bad asset key', () => {
    const v2 = demoJson();
    v2.schemaVersion = 2;
    expect(problemsOf(v2)[0].path).toBe('schemaVersion');
    const key = demoJson();
    key.assets.assets[0].key = '__proto__';
    expect(problemsOf(key).map((q) => q.path)).toContain('assets.assets.0.key');
  });

  it('does not mutate its input', () => {
    const p = demoJson();
    const before = JSON.stringify(p);
    validateClientPortfolio(p);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('keeps a name as plain text, whatever it contains', () => {
    const p: ClientPortfolio = { ...demoClientPortfolio(), client: { ...demoClientPortfolio().client, name: '<img src=x onerror="alert(1)">王女士' } };
    const r = validateClientPortfolio(JSON.parse(JSON.stringify(p)));
    expect(r.ok && r.portfolio.client.name).toBe('<img src=x onerror="alert(1)">王女士');
  });
});
