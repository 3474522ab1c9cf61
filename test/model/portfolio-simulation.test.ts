/**
 * Client investment portfolios: the seeded Monte Carlo — random streams,
 * rebalancing rules against closed forms, reproducibility across slices, cash needs.
 */
import { describe, expect, it } from 'vitest';
import {
  buyAndHoldMoments,
  cashNeedsCheck,
  defaultAssetUniverse,
  demoClientPortfolio,
  DEFAULT_REBALANCE_RULES,
  mergeRebalancingPaths,
  PortfolioInputError,
  RISK_PROFILES,
  simulateRebalancing,
  simulateRebalancingPaths,
  summarizeRebalancing,
  type ClientPortfolio,
  type RebalanceRule,
} from '../../src/lib/model/portfolio';
import { normalCdf } from '../../src/lib/model/normal';
import { createRng, fillNormals, seedState } from '../../src/lib/model/random';
import { samplePercentiles, sortedCopy, sortedPercentiles } from '../../src/lib/model/portfolio/stats';

function moments(x: ArrayLike<number>) {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    m2 += d * d;
    m4 += d ** 4;
  }
  m2 /= n - 1;
  m4 /= n;
  return { mean: m, sd: Math.sqrt(m2), m4 };
}

/** Element-wise identity of two typed arrays (faster than a deep toEqual on large arrays). */
function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function portfolio(weights: Record<string, number>, overrides: Partial<ClientPortfolio['client']> = {}): ClientPortfolio {
  const p = demoClientPortfolio();
  p.weights = weights;
  p.client = { ...p.client, cashNeeds: [], ...overrides };
  return p;
}

describe('random streams', () => {
  it('draws standard normals (moments and a Kolmogorov–Smirnov test)', () => {
    const n = 200_000;
    const x = new Float64Array(n);
    createRng(2024, 0).fillNormals(x);
    const { mean, sd } = moments(x);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sd - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
    const sorted = sortedCopy(x);
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n)); // 1% critical value
    // the tails are there too
    let beyond3 = 0;
    for (const v of x) if (Math.abs(v) > 3) beyond3++;
    const p3 = 2 * normalCdf(-3);
    expect(Math.abs(beyond3 / n - p3)).toBeLessThan(4 * Math.sqrt((p3 * (1 - p3)) / n));
  });

  it('gives uniforms on [0, 1) and independent streams', () => {
    const rng = createRng(7, 3);
    const n = 100_000;
    let s = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      s += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // neighbouring streams are uncorrelated
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    createRng(7, 100).fillNormals(a);
    createRng(7, 101).fillNormals(b);
    let c = 0;
    for (let i = 0; i < n; i++) c += a[i] * b[i];
    expect(Math.abs(c / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(a[0]).not.toBe(b[0]);
  });

  it('is reproducible, and one draw at a time equals a bulk fill', () => {
    const x = Array.from({ length: 50 }, () => 0);
    const r1 = createRng(99, 5);
    const r2 = createRng(99, 5);
    for (let i = 0; i < 50; i++) x[i] = r1.normal();
    for (let i = 0; i < 50; i++) expect(r2.normal()).toBe(x[i]);
    const state = new Int32Array(4);
    seedState(99, 5, state);
    const bulk = new Float64Array(50);
    fillNormals(state, bulk, 50);
    expect(Array.from(bulk)).toEqual(x);
    expect(createRng(100, 5).normal()).not.toBe(x[0]);
  });
});

describe('percentiles', () => {
  it('selection gives the same percentiles as sorting', () => {
    const rng = createRng(1, 1);
    for (const n of [1, 2, 3, 7, 100, 1001]) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = Math.round(rng.normal() * 5); // with ties
      const plus0 = (q: Record<string, number>) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v + 0])); // −0 ≡ +0
      expect(plus0({ ...samplePercentiles(Float64Array.from(x)) })).toEqual(plus0({ ...sortedPercentiles(sortedCopy(x)) }));
    }
  });
});

describe('rebalancing simulation', () => {
  it('reproduces the closed-form mean and volatility of a never-rebalanced portfolio', () => {
    const w = { deposit: 0.1, wmp: 0.2, govBond: 0.2, creditBond: 0.15, equityFund: 0.25, gold: 0.1 };
    const p = portfolio(w, { amount: 1, horizonYears: 10 });
    const raw = simulateRebalancingPaths(p, [{ kind: 'none' }], { paths: 10_000, seed: 11, recordFan: false, costRate: 0 });
    const sample = moments(raw.perRule[0].finalWealth);
    const exact = buyAndHoldMoments(w, p.assets, 10);
    const n = raw.pathCount;
    // mean: within 4 standard errors; sd: within 4 standard errors of the sample sd (delta method, Var(s²) ≈ (m₄ − s⁴)/n)
    expect(Math.abs(sample.mean - exact.mean)).toBeLessThan((4 * sample.sd) / Math.sqrt(n));
    const seSd = Math.sqrt((sample.m4 - sample.sd ** 4) / n) / (2 * sample.sd);
    expect(Math.abs(sample.sd - exact.sd)).toBeLessThan(4 * seSd);
    // and the band is narrow enough to matter: a drift without the −C/2 correction would be far outside
    expect((4 * sample.sd) / Math.sqrt(n)).toBeLessThan(0.02 * exact.mean);
  });

  it('reproduces the closed-form mean of monthly rebalancing and the exact wealth of a riskless portfolio', () => {
    const w = { govBond: 0.4, equityFund: 0.4, gold: 0.2 };
    const p = portfolio(w, { amount: 1, horizonYears: 5 });
    const raw = simulateRebalancingPaths(p, [{ kind: 'calendar', every: 'monthly' }], { paths: 6_000, seed: 5, recordFan: false, costRate: 0 });
    // rebalanced to w every month, months independent: E[W_T] = (Σ wᵢ(1+μᵢ)^(1/12))^(12T)
    const monthly = p.assets.assets.reduce((s, a) => s + (w[a.key as keyof typeof w] ?? 0) * (1 + a.expectedReturn) ** (1 / 12), 0);
    const sample = moments(raw.perRule[0].finalWealth);
    expect(Math.abs(sample.mean - monthly ** 60)).toBeLessThan((4 * sample.sd) / Math.sqrt(6_000));
    // deposits only: no risk, wealth = (1+μ)^T exactly on every path
    const d = simulateRebalancingPaths(portfolio({ deposit: 1 }, { amount: 100, horizonYears: 7 }), [{ kind: 'none' }], { paths: 5, seed: 1 });
    for (const v of d.perRule[0].finalWealth) expect(v).toBeCloseTo(100 * 1.0095 ** 7, 9);
  });

  it('gives the same numbers for the same seed and different ones for another', () => {
    const p = demoClientPortfolio();
    const opts = { paths: 500, seed: 42, years: 3 };
    const a = simulateRebalancing(p, DEFAULT_REBALANCE_RULES, opts);
    const b = simulateRebalancing(p, DEFAULT_REBALANCE_RULES, opts);
    expect(b).toEqual(a);
    const c = simulateRebalancing(p, DEFAULT_REBALANCE_RULES, { ...opts, seed: 43 });
    expect(c.rules[0].finalWealth.mean).not.toBe(a.rules[0].finalWealth.mean);
    // path k is the same path whatever the total number of paths
    const few = simulateRebalancingPaths(p, [{ kind: 'none' }], { paths: 10, seed: 42, years: 3 });
    const many = simulateRebalancingPaths(p, [{ kind: 'none' }], { paths: 500, seed: 42, years: 3 });
    expect(Array.from(many.perRule[0].finalWealth.subarray(0, 10))).toEqual(Array.from(few.perRule[0].finalWealth));
  });

  it('gives identical results whether the paths run in one piece or in slices', () => {
    const p = demoClientPortfolio();
    p.client.cashNeeds = [{ year: 1.5, amount: 150_000, label: 'car' }];
    const opts = { paths: 600, seed: 2025, years: 3, withdrawCashNeeds: true };
    const whole = simulateRebalancingPaths(p, DEFAULT_REBALANCE_RULES, opts);
    const cuts = [0, 137, 300, 301, 600];
    const slices = cuts
      .slice(1)
      .map((end, i) => simulateRebalancingPaths(p, DEFAULT_REBALANCE_RULES, { ...opts, pathStart: cuts[i], pathCount: end - cuts[i] }));
    const merged = mergeRebalancingPaths([slices[2], slices[0], slices[3], slices[1]]);
    expect(merged.pathCount).toBe(600);
    merged.perRule.forEach((r, k) => {
      const w = whole.perRule[k];
      expect(same(r.finalWealth, w.finalWealth) && same(r.finalIndex, w.finalIndex) && same(r.maxDrawdown, w.maxDrawdown)).toBe(true);
      expect(same(r.turnover, w.turnover) && same(r.cost, w.cost) && same(r.rebalances, w.rebalances) && same(r.flags, w.flags)).toBe(true);
      expect(same(r.fan, w.fan) && same(r.needWealth, w.needWealth)).toBe(true);
      expect(r.needWealth.length).toBe(600);
    });
    expect(summarizeRebalancing(merged)).toEqual(summarizeRebalancing(whole));
    expect(summarizeRebalancing(whole)).toEqual(simulateRebalancing(p, DEFAULT_REBALANCE_RULES, opts));
    // slices that leave a gap are refused
    expect(() => mergeRebalancingPaths([slices[0], slices[2]])).toThrow(PortfolioInputError);
  });

  it('reports progress and can be cancelled', () => {
    const p = demoClientPortfolio();
    const seen: number[] = [];
    simulateRebalancingPaths(p, [{ kind: 'none' }], { paths: 300, seed: 1, years: 1, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    let calls = 0;
    expect(() => simulateRebalancingPaths(p, [{ kind: 'none' }], { paths: 300, seed: 1, years: 1, isCancelled: () => ++calls > 2 })).toThrow(
      expect.objectContaining({ name: 'CancelledError' }),
    );
  });

  it('trades as the rules say: none never, bands less than monthly, costs only from trading', () => {
    const p = demoClientPortfolio(); // 10 years, monthly steps
    const rules: RebalanceRule[] = [
      { kind: 'none' },
      { kind: 'calendar', every: 'monthly' },
      { kind: 'calendar', every: 'yearly' },
      { kind: 'threshold', band: 0.05 },
    ];
    const opts = { paths: 1_000, seed: 8, costRate: 0.002 };
    const raw = simulateRebalancingPaths(p, rules, opts);
    const res = summarizeRebalancing(raw);
    const [none, monthly, yearly, bands] = res.rules;
    expect(none.turnover.meanPerYear).toBe(0);
    expect(none.cost.mean).toBe(0);
    expect(none.turnover.meanRebalances).toBe(0);
    expect(monthly.turnover.meanRebalances).toBe(119); // every month but the last
    expect(yearly.turnover.meanRebalances).toBe(9);
    expect(bands.turnover.meanPerYear).toBeLessThan(monthly.turnover.meanPerYear);
    expect(bands.turnover.meanPerYear).toBeGreaterThan(0);
    expect(bands.cost.mean).toBeLessThan(monthly.cost.mean);
    // cost = rate × yuan traded: with rate 0 the same paths end higher, path by path
    const free = simulateRebalancingPaths(p, rules, { ...opts, costRate: 0 });
    expect(same(raw.perRule[0].finalWealth, free.perRule[0].finalWealth)).toBe(true);
    let cheaper = 0;
    let costless = 0;
    for (let i = 0; i < 1_000; i++) {
      if (raw.perRule[1].finalWealth[i] < free.perRule[1].finalWealth[i]) cheaper++;
      if (free.perRule[1].cost[i] === 0) costless++;
    }
    expect(cheaper).toBe(1_000);
    expect(costless).toBe(1_000);
    // under bands, weights never stay more than the band away from the target: rebalancing
    // lowers the volatility breach probability below buy-and-hold's
    expect(none.breach.volatility).toBeGreaterThan(bands.breach.volatility);
    expect(monthly.breach.volatility).toBe(0);
    // the summary is coherent
    for (const r of res.rules) {
      const q = r.finalWealth.percentiles;
      expect(q.p5).toBeLessThanOrEqual(q.p25);
      expect(q.p25).toBeLessThanOrEqual(q.p50);
      expect(q.p50).toBeLessThanOrEqual(q.p75);
      expect(q.p75).toBeLessThanOrEqual(q.p95);
      expect(r.finalWealth.histogram.counts.reduce((s, c) => s + c, 0)).toBe(1_000);
      expect(r.fan.years).toHaveLength(121);
      expect(r.fan.p50[0]).toBe(p.client.amount);
      expect(r.fan.p5[120]).toBeCloseTo(q.p5, -1); // Float32 storage: to about a yuan
      expect(r.maxDrawdown.percentiles.p5).toBeGreaterThanOrEqual(0);
    }
    // one shared histogram axis
    expect(res.rules[1].finalWealth.histogram.edges).toEqual(res.rules[0].finalWealth.histogram.edges);
  });

  it('rebalances under bands exactly when a weight leaves its band (deterministic drift)', () => {
    // two riskless assets growing at 1% and 12% a year: the weights drift on a known path
    const a = (key: string, r: number) => ({ key, name: { zh: key, en: key }, expectedReturn: r, volatility: 0, source: { zh: '', en: '' } });
    const p = portfolio({ slow: 0.5, fast: 0.5 }, { amount: 1, horizonYears: 10 });
    p.assets = {
      assets: [a('slow', 0.01), a('fast', 0.12)],
      correlation: [
        [1, 0],
        [0, 1],
      ],
    };
    p.client.riskProfile = { key: 'none', name: { zh: '', en: '' }, source: { zh: '', en: '' } };
    for (const band of [0.01, 0.03, 0.05]) {
      // first month k at which the fast asset's weight exceeds 0.5 + band
      let k = 0;
      let w = 0.5;
      while (w - 0.5 <= band) {
        k++;
        const g = 1.12 ** (k / 12);
        w = g / (g + 1.01 ** (k / 12));
      }
      const res = simulateRebalancingPaths(p, [{ kind: 'threshold', band }], { paths: 3, seed: 1, costRate: 0, recordFan: false });
      expect(res.perRule[0].rebalances[0]).toBe(Math.floor(119 / k));
      expect(res.perRule[0].turnover[0]).toBeCloseTo(Math.floor(119 / k) * (w - 0.5), 12);
    }
  });

  it('counts breaches of the risk profile', () => {
    const p = demoClientPortfolio();
    p.weights = { equityFund: 1 };
    p.client.riskProfile = { ...RISK_PROFILES.moderate }; // 5% volatility, 5% loss at 95%
    const res = simulateRebalancing(p, [{ kind: 'calendar', every: 'yearly' }], { paths: 2_000, seed: 3, years: 1, recordFan: false });
    const r = res.rules[0];
    expect(r.breach.volatility).toBe(1); // 22% > 5% from the start
    expect(r.breach.lossAllowed).toBeCloseTo(0.05, 12);
    // P(one-year loss > 5%) for equities: lognormal m = ln 1.07 − s²/2, s² = ln(1 + 0.22²/1.07²)
    const s2 = Math.log(1 + 0.0484 / 1.07 ** 2);
    const pLoss = normalCdf((Math.log(0.95) - (Math.log(1.07) - s2 / 2)) / Math.sqrt(s2));
    expect(Math.abs(r.breach.loss - pLoss)).toBeLessThan(4 * Math.sqrt((pLoss * (1 - pLoss)) / 2_000));
  });

  it('rejects invalid inputs with a clear message', () => {
    const p = demoClientPortfolio();
    expect(() => simulateRebalancing(p, [{ kind: 'threshold', band: 0 }], { paths: 10, seed: 1 })).toThrow(/band/);
    expect(() => simulateRebalancing(p, [], { paths: 10, seed: 1 })).toThrow(/rule/);
    p.weights = { deposit: 0.5, equityFund: 0.4 };
    expect(() => simulateRebalancing(p, [{ kind: 'none' }], { paths: 10, seed: 1 })).toThrow(/sum to 100%/);
  });
});

describe('cash-need check', () => {
  it('is exact for a riskless portfolio', () => {
    const grown = 100_000 * 1.0095 ** 3;
    const p = portfolio({ deposit: 1 }, { amount: 100_000, horizonYears: 5 });
    p.client.cashNeeds = [
      { year: 3, amount: 50_000, label: 'small' },
      { year: 3, amount: grown, label: 'too much' }, // same date, after the first
      { year: 4, amount: 1, label: 'later' },
    ];
    const c = cashNeedsCheck(p, { paths: 50, seed: 1 });
    expect(c.needs.map((n) => n.label)).toEqual(['small', 'too much', 'later']);
    expect(c.needs[0].probabilityMet).toBe(1);
    expect(c.needs[0].expectedShortfall).toBe(0);
    expect(c.needs[1].probabilityMet).toBe(0);
    expect(c.needs[1].expectedShortfall).toBeCloseTo(50_000, 6);
    expect(c.needs[1].conditionalShortfall).toBeCloseTo(50_000, 6);
    expect(c.needs[2].probabilityMet).toBe(0); // nothing left
    expect(c.probabilityAllMet).toBe(0);
    expect(c.needs[1].isMet).toBe(false);
    expect(c.message.en).toMatch(/too much/);
    // the (portfolio, assets, options) form: a universe where deposits pay 5% covers the second need
    const richer = defaultAssetUniverse();
    richer.assets[0].expectedReturn = 0.05;
    const c2 = cashNeedsCheck(p, richer, { paths: 50, seed: 1 });
    expect(c2.needs[0].probabilityMet).toBe(1);
    expect(c2.needs[1].probabilityMet).toBe(0); // 100,000·1.05³ − 50,000 < 100,000·1.0095³
    expect(c2.needs[1].expectedShortfall).toBeCloseTo(grown - (100_000 * 1.05 ** 3 - 50_000), 6);
  });

  it('with yearly rebalancing and needs at year ends, simulates in yearly steps, with the monthly steps’ distribution', () => {
    const p = portfolio({ deposit: 0.2, govBond: 0.2, equityFund: 0.5, gold: 0.1 }, { amount: 1_000_000, horizonYears: 10 });
    p.client.cashNeeds = [
      { year: 2, amount: 200_000, label: 'first' },
      { year: 5, amount: 900_000, label: 'second' },
    ];
    const paths = 20_000;
    const byDefault = cashNeedsCheck(p, { paths, seed: 9 });
    // the default is one step a year here: the very figures of stepsPerYear 1
    expect(byDefault).toEqual(cashNeedsCheck(p, { paths, seed: 9, stepsPerYear: 1 }));
    // and the same distribution as monthly steps (other draws): probabilities within sampling error, medians within 1%
    const monthly = cashNeedsCheck(p, { paths, seed: 10, stepsPerYear: 12 });
    for (const [i, need] of byDefault.needs.entries()) {
      const m = monthly.needs[i];
      const se = Math.sqrt((m.probabilityMet * (1 - m.probabilityMet)) / paths) * Math.SQRT2;
      expect(Math.abs(need.probabilityMet - m.probabilityMet)).toBeLessThan(4 * se + 1e-9);
      expect(Math.abs(need.medianWealth / m.medianWealth - 1)).toBeLessThan(0.01);
    }
    expect(byDefault.needs[1].probabilityMet).toBeGreaterThan(0.05);
    expect(byDefault.needs[1].probabilityMet).toBeLessThan(0.95);
    // a threshold rule needs the months between: the default stays monthly
    const threshold = { kind: 'threshold', band: 0.05 } as const;
    expect(cashNeedsCheck(p, { paths: 200, seed: 9, rule: threshold })).toEqual(cashNeedsCheck(p, { paths: 200, seed: 9, rule: threshold, stepsPerYear: 12 }));
  });

  it('matches the lognormal probability for a single risky asset', () => {
    const p = portfolio({ equityFund: 1 }, { amount: 1_000_000, horizonYears: 3 });
    const need = 1_100_000;
    p.client.cashNeeds = [{ year: 3, amount: need, label: 'flat' }];
    const paths = 20_000;
    const c = cashNeedsCheck(p, { paths, seed: 4, rule: { kind: 'none' }, confidence: 0.9 });
    const s2 = Math.log(1 + 0.0484 / 1.07 ** 2);
    const m = Math.log(1.07) - s2 / 2;
    const prob = normalCdf((Math.log(1_000_000 / need) + 3 * m) / Math.sqrt(3 * s2));
    expect(Math.abs(c.needs[0].probabilityMet - prob)).toBeLessThan(4 * Math.sqrt((prob * (1 - prob)) / paths));
    expect(c.needs[0].isMet).toBe(false);
    expect(c.needs[0].expectedShortfall).toBeGreaterThan(0);
    expect(c.needs[0].conditionalShortfall).toBeGreaterThan(c.needs[0].expectedShortfall);
    // the (1 − confidence) quantile of wealth: exp(ln A + 3m + z₀.₁·s√3)
    const q = 1_000_000 * Math.exp(3 * m - 1.2815515655446004 * Math.sqrt(3 * s2));
    expect(Math.abs(c.needs[0].wealthAtConfidence - q) / q).toBeLessThan(0.02);
  });

  it('withdraws the needs inside the rebalancing simulation when asked', () => {
    const p = demoClientPortfolio();
    const opts = { paths: 300, seed: 9, recordFan: false };
    const withNeeds = simulateRebalancing(p, [{ kind: 'none' }], { ...opts, withdrawCashNeeds: true });
    const without = simulateRebalancing(p, [{ kind: 'none' }], opts);
    expect(withNeeds.rules[0].finalWealth.mean).toBeLessThan(without.rules[0].finalWealth.mean - 400_000);
    // the time-weighted return does not count withdrawals as losses
    expect(withNeeds.rules[0].annualisedReturn.mean).toBeCloseTo(without.rules[0].annualisedReturn.mean, 12);
    expect(defaultAssetUniverse().assets).toHaveLength(6);
  });
});
